package transcript

import (
	"regexp"
	"testing"
)

// The text formats' expressions are compiled on first use, each once.
func TestTxtLazyRegexps(t *testing.T) {
	for name, re := range map[string]func() *regexp.Regexp{
		"txtNameFirst": txtNameFirst, "txtTimeFirst": txtTimeFirst, "txtSeparator": txtSeparator,
		"txtDateTimeOnly": txtDateTimeOnly, "txtStatus": txtStatus, "txtRecalled": txtRecalled,
		"txtTitle": txtTitle, "qqObject": qqObject, "qqOther": qqOther,
	} {
		if a, b := re(), re(); a == nil || a != b {
			t.Errorf("%s: got %p then %p, want one compiled expression", name, a, b)
		}
	}
	if !txtStatus().MatchString("[已读]") || txtStatus().MatchString("你好") {
		t.Error("txtStatus: wrong matches")
	}
}
