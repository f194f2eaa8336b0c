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
// of the same length are not flagged, nor is a number a label names as
// another (订单号13912345678: redact.FindKinds). Masked placeholders such as [电话x]
// are not personal data. Numbers are found in the normalised text, so
// full-width digits and invisible characters do not hide them. Like forbid,
// at most maxPerMessage findings in one message.
type pii struct {
	info  *lint.RuleInfo
	kinds redact.Set
	tmpl  string
	// sel is the selection key of the rule's messages, slot its slot
	sel  uint16
	slot int
}

// piiNames are the Chinese names of the kinds, for messages.
var piiNames = map[redact.Kind]string{redact.Phone: "电话号码", redact.IDCard: "身份证号", redact.Bank: "银行卡号",
	redact.Email: "邮箱", redact.Address: "详细地址"}

func newPII(b *builder, r *rules.Rule, info *lint.RuleInfo) *pii {
	p := &pii{info: info, tmpl: r.Message}
	p.sel = uint16(info.Roles) | selSpoken // as Conv.sel(roles, true)
	p.slot = b.slot(p.sel)
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
	sel, _ := cv.selAt(p.slot, p.sel)
	for _, j := range sel {
		i := int(j)
		m := &ms[i]
		// the normalised text: a number in full-width digits (１３９…) or
		// with a zero-width space inside is the same number; the finding
		// quotes it as written
		t := &cv.Texts[i]
		text := t.Normalized()
		if !redact.MayFind(text, p.kinds) {
			continue // most messages: too few digits in a row
		}
		spans := redact.FindKinds(text, p.kinds)
		spans, more := atMost(spans)
		var cols match.Columns // spans are in text order
		for _, sp := range spans {
			start, end := sp.Start, sp.End
			if text != m.Text {
				start, end = t.OrigSpan(start, end)
			}
			hit := &match.Hit{Start: start, End: end, Phrase: -1, Pattern: -1, Text: m.Text[start:end],
				Column: cols.At(m.Text, start)}
			msg := render(p.tmpl, tvars{{"match", hit.Text}, {"kind", piiNames[sp.Kind]}})
			out = append(out, finding(p.info, i, hit, msg))
		}
		noteMore(out, more)
	}
	return out, ""
}
