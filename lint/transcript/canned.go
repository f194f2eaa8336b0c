package transcript

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	register(&Format{
		Name:       "canned",
		Extensions: []string{".txt"},
		New:        func() Reader { return cannedReader{} },
	})
}

// cannedReader reads a canned-reply library (快捷短语): one reply per line,
// blank lines and lines starting with # skipped. Each reply is an agent
// message without a time and becomes its own conversation, named file:line,
// so findings point at the reply's line.
type cannedReader struct{}

func (cannedReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	lr := &lineReader{r: src.R}
	for {
		line, ok, err := lr.next()
		if err != nil {
			return fmt.Errorf("line %d: %w", lr.line+1, err)
		}
		if !ok {
			return nil
		}
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		pos := lint.Pos{File: src.Name, Line: lr.line}
		if !utf8.Valid(line) {
			err = sink.Reject(lint.RecordError{Pos: pos, Err: "invalid UTF-8 (use --encoding)"})
		} else {
			err = sink.Message(lint.Message{
				Conversation: fmt.Sprintf("%s:%d", src.Name, lr.line),
				Role:         lint.Agent,
				Type:         lint.TypeText,
				Text:         strings.TrimRight(string(line), " \t"),
				Pos:          pos,
			})
		}
		if err != nil {
			return err
		}
	}
}
