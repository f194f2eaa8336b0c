package lint

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// errorList returns the records of r, failing the test if they cannot be
// read back.
func errorList(t testing.TB, r RecordErrors) []RecordError {
	t.Helper()
	errs, err := r.Collect()
	if err != nil {
		t.Fatal(err)
	}
	return errs
}

// TestRecordErrorsRoundTrip: the records come back as added, in order,
// held in memory, spooled to a file from the first byte on or part way,
// with reasons shared by number or written out, and columns where they
// have one (on a line: a record without a line has no column).
func TestRecordErrorsRoundTrip(t *testing.T) {
	long := "duplicate message id " + strings.Repeat("订", maxErrBytes)
	var in []RecordError
	for i := range 500 {
		e := RecordError{Pos: Pos{File: []string{"a.jsonl", "目录/b.csv", ""}[i%3], Line: i * 7 % 50}, Err: "unknown role \"x" + strconv.Itoa(i%40) + "\""}
		switch i % 11 {
		case 3:
			e.Err = long
		case 5:
			e.Err = ""
		case 7:
			e.Err = "unparseable time \"" + strconv.Itoa(i) + "\""
		}
		if i%4 == 1 {
			e.Col, e.Col16 = i*131+1, i*131+1+i%3
		}
		in = append(in, e)
	}
	want := make([]RecordError, len(in))
	for i, e := range in {
		want[i] = RecordError{Pos: e.Pos, Err: cutReason(e.Err)}
		if e.Pos.Line > 0 {
			want[i].Col, want[i].Col16 = e.Col, e.Col16
		}
	}
	defer func(m, n int) { errorsMemory, maxErrTexts = m, n }(errorsMemory, maxErrTexts)
	for _, mem := range []int{4 << 20, 0, 300} {
		for _, texts := range []int{4096, 10, 0} {
			dir := t.TempDir()
			t.Setenv("TMPDIR", dir)
			errorsMemory, maxErrTexts = mem, texts
			r := NewRecordErrors(in...)
			if r.Len() != len(in) {
				t.Fatalf("memory %d, texts %d: Len %d, want %d", mem, texts, r.Len(), len(in))
			}
			if got := errorList(t, r); !reflect.DeepEqual(got, want) {
				t.Fatalf("memory %d, texts %d: records differ:\n got %.300v\nwant %.300v", mem, texts, got, want)
			}
			if len(r.s.texts) > texts {
				t.Errorf("memory %d, texts %d: %d reasons shared", mem, texts, len(r.s.texts))
			}
			if inFile := r.s.spool.InFile(); inFile != (mem < 4<<20) {
				t.Errorf("memory %d, texts %d: in a temporary file: %v", mem, texts, inFile)
			}
			// a copy shares the records, and sees those added later
			cp := r
			r.Add(RecordError{Pos: Pos{File: "c", Line: 1}, Err: "late"})
			if cp.Len() != len(in)+1 {
				t.Errorf("memory %d, texts %d: the copy has %d records", mem, texts, cp.Len())
			}
			if err := r.Close(); err != nil {
				t.Fatal(err)
			}
			if r.Len() != 0 || cp.Len() != 0 {
				t.Errorf("memory %d, texts %d: after Close: %d and %d records", mem, texts, r.Len(), cp.Len())
			}
			if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
				t.Errorf("memory %d, texts %d: left behind %q", mem, texts, left)
			}
			r.Add(in[0])
			if got := errorList(t, r); len(got) != 1 || got[0] != want[0] {
				t.Errorf("memory %d, texts %d: added after Close: %v", mem, texts, got)
			}
		}
	}
}

// TestRecordErrorsCutReasons: a long reason is cut at a character's start,
// saying how long it was.
func TestRecordErrorsCutReasons(t *testing.T) {
	long := "duplicate message id " + strings.Repeat("订", maxErrBytes) // 3 bytes a character
	for _, tt := range []struct {
		reason, want string
	}{
		{"unknown role \"x\"", "unknown role \"x\""},
		{strings.Repeat("a", maxErrBytes), strings.Repeat("a", maxErrBytes)},
		{strings.Repeat("a", maxErrBytes+1), strings.Repeat("a", maxErrBytes) + "… (1.0 KiB in all)"},
		{long, long[:maxErrBytes-1] + "… (3.0 KiB in all)"}, // 21 ASCII bytes, then whole characters
	} {
		got := errorList(t, NewRecordErrors(RecordError{Err: tt.reason}))
		if len(got) != 1 || got[0].Err != tt.want {
			t.Errorf("%.40q…: %.60q…, want %.60q…", tt.reason, got, tt.want)
		}
	}
}

// TestRecordErrorsBounded: a file in the wrong format, every record failing
// alike, takes a few bytes a record; records failing each their own way
// go to a temporary file past errorsMemory, and the reasons shared stay
// within maxErrTexts.
func TestRecordErrorsBounded(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	var same RecordErrors
	const n = 200000
	for i := range n {
		same.Add(RecordError{Pos: Pos{File: "export.jsonl", Line: i + 1}, Err: `unknown role "nobody" (want customer, agent, bot or system)`})
	}
	if per := float64(same.s.spool.Size()) / n; per > 6 {
		t.Errorf("%.1f bytes a record failing alike, want at most 6", per)
	}
	var distinct RecordErrors
	for i := range n {
		distinct.Add(RecordError{Pos: Pos{File: "export.jsonl", Line: i + 1}, Err: `unparseable time "11/23/2026 8:` + strconv.Itoa(i) + `pm"`})
	}
	if !distinct.s.spool.InFile() || len(distinct.s.texts) > maxErrTexts {
		t.Errorf("distinct reasons: in a file %v, %d reasons shared", distinct.s.spool.InFile(), len(distinct.s.texts))
	}
	i := 0
	err := distinct.Each(func(e RecordError) error {
		i++
		if want := `unparseable time "11/23/2026 8:` + strconv.Itoa(i-1) + `pm"`; e.Err != want || e.Pos.Line != i {
			return errors.New("record " + strconv.Itoa(i) + ": " + e.Error())
		}
		return nil
	})
	if err != nil || i != n {
		t.Errorf("read back %d records: %v", i, err)
	}
	for _, r := range []*RecordErrors{&same, &distinct} {
		if err := r.Close(); err != nil {
			t.Error(err)
		}
	}
}

// TestRecordErrorsNoTempDir: without a temporary directory the records
// stay in memory, none lost.
func TestRecordErrorsNoTempDir(t *testing.T) {
	defer func(m int) { errorsMemory = m }(errorsMemory)
	errorsMemory = 16
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	r := NewRecordErrors()
	for i := range 100 {
		r.Add(RecordError{Pos: Pos{File: "f", Line: i + 1}, Err: "bad " + strconv.Itoa(i)})
	}
	got := errorList(t, r)
	if len(got) != 100 || got[99].Err != "bad 99" || got[99].Pos.Line != 100 || r.s.spool.InFile() {
		t.Errorf("%d records, last %v (in a file: %v)", len(got), got[len(got)-1], r.s.spool.InFile())
	}
}

// TestRecordErrorsEach: Each stops at fn's error and returns it; WithText
// maps the reasons as they are read, composing, and leaves the original
// as it was; a corrupt spool is an error, not a panic.
func TestRecordErrorsEach(t *testing.T) {
	r := NewRecordErrors(RecordError{Pos: Pos{File: "f", Line: 1}, Err: "a 138 0000 1234"}, RecordError{Pos: Pos{File: "f", Line: 2}, Err: "b"})
	stop := errors.New("stop")
	n := 0
	if err := r.Each(func(RecordError) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("Each: %v after %d calls", err, n)
	}
	upper := r.WithText(strings.ToUpper).WithText(func(s string) string { return "<" + s + ">" })
	if got := errorList(t, upper); got[0].Err != "<A 138 0000 1234>" || got[1].Err != "<B>" {
		t.Errorf("WithText: %v", got)
	}
	if got := errorList(t, r); got[0].Err != "a 138 0000 1234" {
		t.Errorf("the original after WithText: %v", got)
	}
	var empty RecordErrors
	if empty.Len() != 0 || errorList(t, empty) != nil || empty.Close() != nil {
		t.Error("the zero value is not empty")
	}

	// bytes not written by Add: a file index out of range, then a record cut short
	for _, bad := range [][]byte{{9, 1, 1}, {0, 1}} {
		c := NewRecordErrors(RecordError{Pos: Pos{File: "f", Line: 1}, Err: "x"})
		c.s.spool.Close()
		c.s.spool.Write(bad)
		if err := c.Each(func(RecordError) error { return nil }); err == nil || !strings.Contains(err.Error(), "malformed record 1 of 1") {
			t.Errorf("corrupt %v: %v", bad, err)
		}
	}
}

// TestRejectKeepsRecords: the grouper keeps each malformed record, reasons
// cut as RecordErrors cuts them, and --strict stops at the first.
func TestRejectKeepsRecords(t *testing.T) {
	for _, strict := range []bool{false, true} {
		var sum Summary
		g := newGrouper(context.Background(), strict, &sum, 0, nil)
		var err error
		for i := range 3 {
			if err = g.Reject(RecordError{Pos: Pos{File: "f", Line: i + 1}, Err: strings.Repeat("长", maxErrBytes)}); err != nil {
				break
			}
		}
		got := errorList(t, sum.Errors)
		if strict != (err != nil) || strict && !errors.Is(err, ErrStrict) {
			t.Errorf("strict %v: Reject returned %v", strict, err)
		}
		want := 3
		if strict {
			want = 1
		}
		if len(got) != want || sum.Rejected != want || got[want-1].Pos.Line != want || !strings.HasSuffix(got[0].Err, "… (3 KiB in all)") {
			t.Errorf("strict %v: %d records (rejected %d), last %.40v", strict, len(got), sum.Rejected, got[len(got)-1])
		}
	}
}

// TestReasonKind: reasons that differ only in the values they quote or
// count are of one kind (5,000 records with 5,000 different unparseable
// times are one group where people read them); reasons that differ
// otherwise, in their words or in a hint that names the value outside
// quotes (unknown role "x" (map it, e.g. --roles 'x=agent'), to be mapped
// one by one), are not.
func TestReasonKind(t *testing.T) {
	same := [][2]string{
		{`unparseable time "2026-13-45 10:00" (use RFC 3339, "2006-01-02 15:04:05" or epoch seconds/milliseconds)`,
			`unparseable time "yesterday" (use RFC 3339, "2006-01-02 15:04:05" or epoch seconds/milliseconds)`},
		{`unparseable time "a \"quoted\" value" (use RFC 3339)`, `unparseable time "b" (use RFC 3339)`},
		{`unparseable time 46330 (no epoch time: an Excel date serial number?)`, `unparseable time 46330.4166667 (no epoch time: an Excel date serial number?)`},
		{`unparseable time 1.5e+14 (epoch out of range)`, `unparseable time 179435524924400 (epoch out of range)`},
		{`record has 5 fields, the header has 4 (unbalanced quotes or a stray comma?)`, `record has 12 fields, the header has 4 (unbalanced quotes or a stray comma?)`},
		{`duplicate message id "m1" (first at line 3)`, `duplicate message id "m77" (first at line 1204)`},
		{`no role for sender "bob"`, `no role for sender "小美"`},
		// the field named, its values differing
		{`"msgtime" "soon": expected epoch milliseconds`, `"msgtime" "later": expected epoch milliseconds`},
		{`missing "text" (keys: id, turns; try --map text=content)`, `missing "text" (keys: id, turns; try --map text=content)`},
		// an apostrophe is no quote
		{`unparseable time 5 (epoch seconds before 1973: no chat's time, 7)`, `unparseable time 6 (epoch seconds before 1973: no chat's time, 8)`},
		{`unparseable time "4/11/2026 10:00" (give the export's layout, e.g. '%d/%m/%Y %H:%M' for 04/11/2026 10:00)`,
			`unparseable time "x" (give the export's layout, e.g. '%d/%m/%Y %H:%M' for 04/11/2026 10:00)`},
		// a reason cut at 1 KiB inside its quoted value
		{`unparseable time "` + strings.Repeat("x", 2000), `unparseable time "yy`},
	}
	for _, p := range same {
		if a, b := ReasonKind(p[0]), ReasonKind(p[1]); a != b {
			t.Errorf("kinds differ:\n %q → %q\n %q → %q", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{`unparseable time "x" (a time of day without a date)`, `unparseable time "x" (use RFC 3339)`},
		{`missing "text"`, `unknown role "text"`},
		// a quoted field name is no value: each missing or mistyped field
		// needs a fix of its own
		{`missing "text"`, `missing "role"`},
		{`"text": expected a string or a number, got an object`, `"role": expected a string or a number, got an object`},
		{`not a 企业微信 archive record: no "from"`, `not a 企业微信 archive record: no "msgtype"`},
		{`not a 企业微信 archive record: field "from": expected a string, got number`, `not a 企业微信 archive record: field "msgid": expected a string, got number`},
		{`unknown role "boss" (map it, e.g. --roles 'boss=agent')`, `unknown role "vip" (map it, e.g. --roles 'vip=agent')`},
		{`unknown role "2" (map it, e.g. --roles '2=agent')`, `unknown role "3" (map it, e.g. --roles '3=agent')`},
		// a shell word goes on past a quote written '\'' (2'3, not 2 and a number)
		{`unknown role "2'3" (map it, e.g. --roles '2'\''3=agent')`, `unknown role "2'4" (map it, e.g. --roles '2'\''4=agent')`},
		{`invalid UTF-8 in the record`, `invalid UTF-16 in the record`},
		{`unparseable time 46330 (no epoch time: an Excel date serial number?)`, `unparseable time 5 (epoch seconds before 1973: no chat's time)`},
	}
	for _, p := range differ {
		if a, b := ReasonKind(p[0]), ReasonKind(p[1]); a == b {
			t.Errorf("one kind %q for\n %q\n %q", a, p[0], p[1])
		}
	}
}

// TestRecordErrorWhere: a record with a column is at file:line:column, in
// its error too; one without, or without a line, as before.
func TestRecordErrorWhere(t *testing.T) {
	for _, tc := range []struct {
		e    RecordError
		want string
	}{
		{RecordError{Pos: Pos{File: "day.json", Line: 1}, Col: 5873, Col16: 5880, Err: "x"}, "day.json:1:5873: x"},
		{RecordError{Pos: Pos{File: "day.json", Line: 7}, Err: "x"}, "day.json:7: x"},
		{RecordError{Pos: Pos{File: "day.json"}, Col: 3, Err: "x"}, "day.json: x"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.e, got, tc.want)
		}
	}
	if got := (&StrictError{Pos: Pos{File: "day.json", Line: 1}, Col: 9, Err: "x"}).Error(); !strings.HasSuffix(got, ": day.json:1:9: x") {
		t.Errorf("strict: %q", got)
	}
}
