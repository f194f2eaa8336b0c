package check

import (
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint/redact"
)

// TestPIINumbersInContext: a labelled order number is none of the customer's
// data whatever its shape (one that passes the Luhn check is no bank card),
// two numbers a space apart are two, an amount with its decimals is no
// phone, and a landline is one with spaces or its area code in brackets.
func TestPIINumbersInContext(t *testing.T) {
	const rule = "id: r\ntype: pii\nrole: agent"
	for _, tc := range []struct{ text, want string }{
		{"订单号：3245678901234567897已发货", ""},
		{"您的订单1234567890123456782已退款", ""},
		{"流水号13912345678", ""},
		{"退款到6222020200000000006", "1:6222020200000000006"},
		{"身份证编号：11010519491231002X", "1:11010519491231002X"},
		{"您留的号码13812345678 13987654321都打不通", "1:13812345678 1:13987654321"},
		{"2026-11-25 13812345678来电", "1:13812345678"},
		{"已退款13812345678.00元", ""},
		{"您的座机0755 8888 6666", "1:0755 8888 6666"},
		{"您的座机（010）12345678", "1:（010）12345678"},
		{"您的电话138.1234.5678", "1:138.1234.5678"},
	} {
		if got := describe(lintWith(t, rule, "agent: "+tc.text)); got != tc.want {
			t.Errorf("%s: findings %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestPIIFindingsAreMasked: whatever the rule flags, in however disguised a
// form, --redact's search finds and masks too (it looked at the text as
// written, and left １３８… readable in the very finding about it).
func TestPIIFindingsAreMasked(t *testing.T) {
	const rule = "id: r\ntype: pii\nrole: agent\nkinds: [phone, id-card, bank-card, email, address]"
	for _, text := range []string{
		"您的手机号是１３８１２３４５６７８对吗",
		"电话139\u200b1234\u200b5678已登记",
		"联系电话：１３９－１２３４－５６７８",
		"电话138\u30001234\u30005678",
		"身份证３３０１０６１９８５０６１２１２３７",
		"卡号６２２２０２０２００００００００００６",
		"邮箱ｗａｎｇ＠ｑｑ．ｃｏｍ",
		"电话+８６ １３８１２３４５６７８",
		"寄到文三路４７８号",
	} {
		fs := lintWith(t, rule, "agent: "+text)
		if len(fs) == 0 {
			t.Errorf("%s: no finding", text)
			continue
		}
		masked := redact.Text(text, nil)
		for _, f := range fs {
			if f.Match == "" || strings.Contains(masked, f.Match) {
				t.Errorf("%s: finding %q readable in the masked text %q", text, f.Match, masked)
			}
		}
	}
}
