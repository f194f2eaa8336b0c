package main

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/chatlint/chatlint/lint/transcript"
)

// TestWithGoneHints: a file a directory walk found and that was gone when
// it came to be read says which walk found it; a file named that is not
// there, and other errors, are left as they are.
func TestWithGoneHints(t *testing.T) {
	gone := func(name string) error { return &transcript.FileError{Name: name, Err: fs.ErrNotExist} }
	for _, tt := range []struct {
		name string
		err  error
		args []string
		want string
	}{
		{"found by a walk", gone("day/jd/a.jsonl"), []string{"day"},
			"day/jd/a.jsonl: file does not exist (the walk of day found it: moved or removed since)"},
		{"the walk of the directory holding it", gone("b/x.jsonl"), []string{"a", "b", "-"},
			"b/x.jsonl: file does not exist (the walk of b found it: moved or removed since)"},
		{"named", gone("day/a.jsonl"), []string{"day", "./day/a.jsonl"},
			"day/a.jsonl: file does not exist"},
		{"named, no directory", gone("a.jsonl"), []string{"a.jsonl"},
			"a.jsonl: file does not exist"},
		{"outside every walk", gone("../x.jsonl"), []string{"."},
			"../x.jsonl: file does not exist"},
		{"another error", &transcript.FileError{Name: "day/a.jsonl", Err: fs.ErrPermission}, []string{"day"},
			"day/a.jsonl: permission denied"},
		{"one of several", errors.Join(gone("day/a.jsonl"), &transcript.FileError{Name: "day/b.jsonl", Err: errors.New("empty file: no records")}), []string{"day"},
			"day/a.jsonl: file does not exist (the walk of day found it: moved or removed since)\nday/b.jsonl: empty file: no records"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := withGoneHints(tt.err, tt.args)
			if got.Error() != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if !errors.Is(got, fs.ErrNotExist) && errors.Is(tt.err, fs.ErrNotExist) {
				t.Errorf("%v: the cause is lost", got)
			}
			if fmt.Sprint(tt.err) == tt.want && got != tt.err {
				t.Errorf("an error without a hint was rewrapped")
			}
		})
	}
}
