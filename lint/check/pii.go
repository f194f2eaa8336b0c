package check

import (
	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/match"
	"github.com/chatlint/chatlint/lint/redact"
	"github.com/chatlint/chatlint/rules"
)

// pii flags personal data written out in full in the rule's messages (an
// agent echoing a customer's phone, ID-card or bank-card number): ID numbers
// must pass their checksum and card numbers the Luhn check, so order numbers
// of the same length are not flagged. Masked placeholders such as [电话x]
// are not personal data. Like forbid, at most maxPerMessage findings in
// one message.
type pii struct {
	info  *lint.RuleInfo
	kinds redact.Set
	tmpl  string
}

// piiNames are the Chinese names of the kinds, for messages.
var piiNames = map[redact.Kind]string{redact.Phone: "电话号码", redact.IDCard: "身份证号", redact.Bank: "银行卡号",
	redact.Email: "邮箱", redact.Address: "详细地址"}

func newPII(r *rules.Rule, info *lint.RuleInfo) *pii {
	p := &pii{info: info, tmpl: r.Message}
	kinds := r.Kinds
	if len(kinds) == 0 {
		kinds = []string{"phone", "id-card", "bank-card"}
	}
	for _, k := range kinds {
		p.kinds |= redact.SetOf(redact.Kind(k))
	}
	if p.tmpl == "" {
		p.tmpl = "消息中写出了完整的{kind}「{match}」：客户信息须保密"
	}
	return p
}

func (p *pii) Info() *lint.RuleInfo { return p.info }
func (p *pii) Local() bool          { return true }

func (p *pii) Check(cv *Conv, out []lint.Finding) ([]lint.Finding, string) {
	ms := cv.Messages
	for _, j := range cv.sel(p.info.Roles, true) {
		i := int(j)
		m := &ms[i]
		spans, more := atMost(redact.FindKinds(m.Text, p.kinds))
		var cols match.Columns // spans are in text order
		for _, sp := range spans {
			hit := &match.Hit{Start: sp.Start, End: sp.End, Phrase: -1, Pattern: -1, Text: m.Text[sp.Start:sp.End],
				Column: cols.At(m.Text, sp.Start)}
			msg := render(p.tmpl, tvars{{"match", hit.Text}, {"kind", piiNames[sp.Kind]}})
			out = append(out, finding(p.info, i, hit, msg))
		}
		noteMore(out, more)
	}
	return out, ""
}
