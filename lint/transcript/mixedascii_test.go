package transcript

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A GBK export whose first 64 KB are ASCII (system lines, order numbers)
// is guessed to be UTF-8, the guess having nothing else to go on, and its
// GBK lines read one by one. The warning said "it is UTF-8, but 203 lines
// are GB18030", of a file all GBK; it says the first 64 KB are ASCII and
// that --encoding gb18030 reads a file GB18030 throughout. --fix refused
// the file as mixing encodings; it writes it back in GB18030 when no line
// of it is UTF-8 past ASCII.
func TestASCIIHeadThenGBK(t *testing.T) {
	gbk := func(s string) string { return string(encodeWith(t, simplifiedchinese.GBK, s)) }
	var head strings.Builder
	head.WriteString("conversation,role,text\n")
	for i := 0; head.Len() < 70<<10; i++ {
		fmt.Fprintf(&head, "s%d,system,order 2026110400%06d created\n", i, i)
	}
	lines := strings.Count(head.String(), "\n")
	data := head.String() + gbk("c1,customer,在吗\nc1,agent,这个我也不知道\n")
	mixed := &MixedEncodings{}
	s := mustRead(t, "csv", data, Options{Mixed: mixed})
	if n := len(s.msgs); s.msgs[n-1].Text != "这个我也不知道" || len(s.rejects) > 0 {
		t.Errorf("last message %q, rejects %v", s.msgs[n-1].Text, s.rejects)
	}
	want := fmt.Sprintf("the file mixes encodings: it was read as UTF-8, its first 64 KB being ASCII, but 2 lines are GB18030 (the first: line %d); "+
		"each line was read in its own encoding: if the file is GB18030 throughout, --encoding gb18030 reads it so", lines+1)
	if w := mixed.Warnings(); len(w) != 1 || !strings.Contains(w[0], want) {
		t.Errorf("warnings %q, want %q", w, want)
	}
	// a UTF-8 file joined with a GBK one is said to mix them as before
	mixed = &MixedEncodings{}
	mustRead(t, "csv", "conversation,role,text\n"+strings.Repeat("c0,customer,您好，请问这件还有货吗\n", 3000)+gbk("c1,agent,这个我也不知道\n"), Options{Mixed: mixed})
	if w := mixed.Warnings(); len(w) != 1 || !strings.Contains(w[0], "it is UTF-8, but 1 line is GB18030 (the first: line 3002)") {
		t.Errorf("warnings %q", w)
	}

	e, bom, err := FileEncoding([]byte(data), "")
	if err != nil || e != simplifiedchinese.GB18030 || bom != nil {
		t.Errorf("FileEncoding: %v, %v, %q; want GB18030", encodingName(e), err, bom)
	}
	for name, data := range map[string]string{
		"a line of UTF-8 too": data + "c1,customer,好的\n",
		"a UTF-8 mark":        "\uFEFF" + data,
	} {
		if _, _, err := FileEncoding([]byte(data), ""); err == nil || !strings.Contains(err.Error(), "the file mixes encodings (UTF-8, but line") {
			t.Errorf("%s: FileEncoding: %v, want the file refused as mixed", name, err)
		}
	}
}
