// Package enctest writes test text in the legacy Chinese encodings that
// chatlint's readers and file-name guessing decode (GBK, GB18030, Big5). It
// is imported by tests only.
package enctest

import (
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Encode is s in the encoding e; the test fails where e has no code for a
// character of s.
func Encode(t testing.TB, e encoding.Encoding, s string) string {
	t.Helper()
	b, err := e.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// GBK is s in GBK (code page 936, as golang.org/x/text writes it).
func GBK(t testing.TB, s string) string {
	t.Helper()
	return Encode(t, simplifiedchinese.GBK, s)
}

// GB18030 is s in GB18030.
func GB18030(t testing.TB, s string) string {
	t.Helper()
	return Encode(t, simplifiedchinese.GB18030, s)
}

// Big5 is s in Big5.
func Big5(t testing.TB, s string) string {
	t.Helper()
	return Encode(t, traditionalchinese.Big5, s)
}
