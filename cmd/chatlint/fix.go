package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/fix"
	"github.com/chatlint/chatlint/lint/transcript"
)

// editCollector is a report writer that gathers, per file, the fixes the
// findings prescribe (a match and its suggested replacement).
type editCollector struct {
	edits map[string][]fix.Edit
}

func (c *editCollector) Conversation(r *lint.Result) error {
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Suggestion == "" || f.End <= f.Start {
			continue
		}
		m := r.Message(f)
		if c.edits == nil {
			c.edits = map[string][]fix.Edit{}
		}
		c.edits[m.Pos.File] = append(c.edits[m.Pos.File], fix.Edit{
			Line: m.Pos.Line, Start: f.Start, End: f.End, Old: f.Match, New: f.Suggestion, Rule: f.Rule.ID,
		})
	}
	return nil
}

func (c *editCollector) Close(*lint.Summary) error { return nil }

// files lists the files with fixes, sorted.
func (c *editCollector) files() []string {
	var out []string
	for f := range c.edits {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// fixFile applies edits to a canned-reply library. The file keeps its
// encoding, byte-order mark and line endings; lines without a fix keep every
// byte. With diff set it writes a unified diff to w instead of the file. A
// replacement the file's encoding cannot carry (see fix.Encode; enc is
// --encoding) is refused, naming its character and line, and so is any
// other failure: the file is then left as it was (it is replaced whole,
// see outputFile).
func fixFile(path, enc string, edits []fix.Edit, diff bool, w io.Writer) (applied int, err error) {
	defer func() {
		if err != nil && !diff {
			err = fmt.Errorf("%w; the file is left as it was", err)
		}
	}()
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("fix %s: %w", path, err)
	}
	e, bom, err := transcript.FileEncoding(raw, enc)
	if err != nil {
		return 0, fmt.Errorf("fix %s: %w", path, err)
	}
	body := raw[len(bom):]
	text := body
	if e != nil {
		e = withoutBOM(e)
		if text, err = e.NewDecoder().Bytes(body); err != nil {
			return 0, fmt.Errorf("fix %s: decode: %w", path, err)
		}
		// refuse to write back what would not round-trip byte for byte
		if again, err := e.NewEncoder().Bytes(text); err != nil || !bytes.Equal(again, body) {
			return 0, fmt.Errorf("fix %s: its encoding does not round-trip, so fixing would change other bytes; fix it by hand", path)
		}
	}
	newText, done, err := fix.Apply(string(text), edits)
	if err != nil {
		return 0, fmt.Errorf("fix %s: %w", path, err)
	}
	// --diff shows what --fix would write: it refuses what --fix refuses
	out := []byte(newText)
	if e != nil && len(done) > 0 {
		if out, err = fix.Encode(newText, e, plainEncoding(enc), done); err != nil {
			return 0, fmt.Errorf("fix %s: %w", path, err)
		}
	}
	if diff {
		fmt.Fprint(w, fix.Diff(path, string(text), newText))
		return len(done), nil
	}
	if len(done) == 0 {
		return 0, nil
	}
	if err := writeFileReplacing(path, append(append([]byte{}, bom...), out...), 0o666); err != nil {
		return 0, fmt.Errorf("fix %s: %w", path, err)
	}
	return len(done), nil
}

// plainEncoding reports whether --fix writes only the plain forms of the
// legacy Chinese encodings (see fix.Encode): unless --encoding names the
// extended one, big5-hkscs or gb18030 (auto-detection and gbk read GBK
// files as GB18030, and Big5 files with HKSCS).
func plainEncoding(enc string) bool {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "big5-hkscs", "gb18030":
		return false
	}
	return true
}

// withoutBOM returns the encoding with byte-order-mark handling off: the
// original mark, if any, is split off before decoding and written back as it
// was.
func withoutBOM(e encoding.Encoding) encoding.Encoding {
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		for _, policy := range []unicode.BOMPolicy{unicode.ExpectBOM, unicode.UseBOM, unicode.IgnoreBOM} {
			if e == unicode.UTF16(order, policy) {
				return unicode.UTF16(order, unicode.IgnoreBOM)
			}
		}
	}
	return e
}
