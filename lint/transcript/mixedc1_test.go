package transcript

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// A line of UTF-8 with bytes of Windows-1252's punctuation among it (“ ”
// written 93 94 by a tool that pasted from Word or typed them in an old
// Windows code page) is read with those characters, and the run says so
// once. It was read as GBK when GBK read it cleanly (93 E4 BA B2 … :
// 撲翰锛屾偍濂斤紝涓嶇煡閬摂, in silence), else rejected; a file under 64 KB
// with one was guessed to be GB18030.
func TestWindows1252Punctuation(t *testing.T) {
	rows := func(n int) string {
		return "role,text\n" + strings.Repeat("customer,您好，请问这件衣服还有货吗\n", n)
	}
	const warning = "%d lines hold bytes of Windows-1252 punctuation (“ ” ‘ ’ – — … €: 80–9F) among UTF-8 text, as a tool that pasted from Word or an old Windows code page leaves them (the first: line %d); each was read as its character"
	lines := "agent,\x93亲，您好，不知道\x94\n" + "agent,He said \x93OK\x94 \x96 thanks\x85\n" + "agent,好的\n"
	for _, tc := range []struct {
		name, data string
		first      int
	}{
		{"over 64 KB", rows(3000) + lines, 3002},
		{"under 64 KB", rows(30) + lines, 32},
	} {
		for kind, wrap := range readerKinds {
			t.Run(tc.name+"/"+kind, func(t *testing.T) {
				mixed := &MixedEncodings{}
				s := &recSink{}
				err := ReadAll(context.Background(), []string{"-"}, Options{Format: "csv", Location: tzSH, Mixed: mixed, Stdin: wrap(strings.NewReader(tc.data))}, s)
				checkInvariants(t, s, err)
				if err != nil || len(s.rejects) > 0 {
					t.Fatalf("err %v, rejects %v", err, s.rejects)
				}
				var got []string
				for _, m := range s.msgs[len(s.msgs)-3:] {
					got = append(got, m.Text)
				}
				if want := "“亲，您好，不知道”|He said “OK” – thanks…|好的"; strings.Join(got, "|") != want {
					t.Errorf("texts %q, want %q", got, want)
				}
				if w := mixed.Warnings(); len(w) != 1 || !strings.Contains(w[0], fmt.Sprintf(warning, 2, tc.first)) {
					t.Errorf("warnings %q", w)
				}
			})
		}
	}
	// a byte Windows-1252 leaves unassigned (81, 8D, 8F, 90, 9D) is none
	s := mustRead(t, "csv", rows(3000)+"agent,\x81 ok\n", Options{})
	if len(s.rejects) != 1 || !strings.Contains(s.rejects[0].Error(), ":3002: "+guessedUnreadableWhy(nil)) {
		t.Errorf("rejects %v", s.rejects)
	}
	// --fix does not write such a file back
	if _, _, err := FileEncoding([]byte(rows(30)+lines), ""); err == nil || !strings.Contains(err.Error(), "line 32 holds bytes of Windows-1252 punctuation") {
		t.Errorf("FileEncoding: %v", err)
	}
}
