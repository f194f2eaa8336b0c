package transcript

import (
	"encoding/binary"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// localLayouts are the time layouts without a zone, read in --tz: a month,
// day or hour of one digit is read as well as of two (Excel's default on a
// Chinese Windows writes 2026/11/4 9:58).
var localLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006/01/02 15:04:05",
	"2006-1-2T15:04",
	"2006-1-2 15:04",
	"2006/1/2 15:04",
	"2006-1-2 15:04:05",
	"2006/1/2 15:04:05",
}

// offsetLayouts are the layouts of times with a numeric offset not written
// as RFC 3339 does: Java's +0800.
var offsetLayouts = []string{
	"2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05 -0700",
}

// ParseTime reads a time as RFC 3339, as a local layout such as
// "2006-01-02 15:04:05" in loc, or as epoch seconds or milliseconds (numbers
// from 1e11 up are milliseconds). An empty string is "no time" (zero, nil).
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	return parseTime(s, loc, nil)
}

// parseTime is ParseTime remembering the last date and minutes read in
// days (see dayMemo; nil: none).
func parseTime(s string, loc *time.Location, days *dayMemo) (time.Time, error) {
	if days != nil {
		if t, ok := days.minute(s, loc); ok {
			return t, nil
		}
	}
	return parseTimeRead(s, loc, days)
}

// parseTimeRead is parseTime but for the memo of the minute.
func parseTimeRead(s string, loc *time.Location, days *dayMemo) (time.Time, error) {
	t, _, err := parseTimeReadPrec(s, loc, days)
	return t, err
}

// parseTimeReadPrec is parseTimeRead, and whether s was written to the
// minute, without seconds (lint.Message.TimeToMinute): 2026/11/4 9:58,
// 2026年11月4日 10:02, 2026-11-04T10:02+08:00. Epoch times, RFC 3339 and
// the layouts with seconds are not (the fast paths read only those).
func parseTimeReadPrec(s string, loc *time.Location, days *dayMemo) (time.Time, bool, error) {
	if edged(s) {
		s = trimEdged(s)
	}
	if s == "" {
		return time.Time{}, false, nil
	}
	if c := s[0]; c >= '0' && c <= '9' {
		// fastTime only takes strings with a '-' or '/' and epochDigits only
		// strings of digits, so their order does not matter; both only
		// shortcut what the general code below does.
		if t, ok := fastTimeIn(s, loc, days); ok {
			return t, false, nil
		}
		if v, ok := epochDigits(s); ok {
			t, err := fromEpoch(float64(v))
			return t, false, err
		}
		if !strings.ContainsAny(s, "-/: T") {
			f, err := strconv.ParseFloat(s, 64)
			if err == nil {
				t, err := fromEpoch(f)
				return t, false, err
			}
		}
	}
	// fastTime takes nothing that does not start with a digit
	return slowTimePrec(s, loc)
}

// epochTime reads s, when it is epoch seconds of ten digits or
// milliseconds of thirteen (as exports write times as JSON numbers), as
// parseTimeRead does (fromEpoch of the exact float64 of the digits),
// without the tries before, which take no string of digits alone
// (TestEpochTimeAgrees). ok is false for any other s: parseTimeRead
// reads it.
//
// Its digits are read eight at a time, from the words at its start and
// at its end (digits8), which overlap: the number is the first word's
// digits but those the second holds, times 10^8, plus the second's.
func epochTime(s string) (t time.Time, ok bool) {
	n := len(s)
	if n != 10 && n != 13 {
		return t, false
	}
	b := unsafe.Slice(unsafe.StringData(s), n)
	w0, w1 := word(b, 0), word(b, n-8)
	if nonDigits(w0)|nonDigits(w1) != 0 {
		return t, false
	}
	hi, lo := int64(digits8(w0)), int64(digits8(w1))
	if n == 10 {
		if v := hi/1e6*1e8 + lo; v >= 1e8 {
			return time.Unix(v, 0).UTC(), true // (see instant)
		}
		return t, false
	}
	if v := hi/1e3*1e8 + lo; v >= 1e11 {
		return time.UnixMilli(v).UTC(), true
	}
	return t, false
}

// digits8 is the number that the eight ASCII digits of the little-endian
// word x write (its first byte the most significant digit): neighbouring
// digits, then pairs, then fours are joined in place, none carrying into
// the next (at most 99, 9,999 and 99,999,999).
func digits8(x uint64) uint64 {
	x -= '0' * lows
	x = (x*10 + x>>8) & 0x00FF00FF00FF00FF
	x = (x*100 + x>>16) & 0x0000FFFF0000FFFF
	return (x*10000 + x>>32) & 0xFFFFFFFF
}

// epochDigits reads a string of at most 15 digits, which strconv.ParseFloat
// would read exactly (below 2^53).
func epochDigits(s string) (int64, bool) {
	if len(s) > 15 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// slowTime tries RFC 3339 and every local layout with the time package,
// in the zone written with the time (see cutZone), if any.
func slowTime(s string, loc *time.Location) (time.Time, error) {
	t, _, err := slowTimePrec(s, loc)
	return t, err
}

// slowTimePrec is slowTime, and whether s was written to the minute (see
// parseTimeReadPrec).
func slowTimePrec(s string, loc *time.Location) (time.Time, bool, error) {
	if n, ok := narrowTime(s); ok {
		// full-width digits and colons (１０：０２), as a Chinese input method
		// types them: read as their ASCII; if that fails, the error names s
		t, minute, err := parseTimeReadPrec(n, loc, nil)
		if err == nil {
			return t, minute, nil
		}
		if err := requoted(err, n, s); err != nil {
			return time.Time{}, false, err
		}
	}
	if local, zone, zoned, err := cutZone(s); zoned {
		// a zone written with the time: the time without it is read
		// there, not in --tz, as an RFC 3339 time is
		if err != nil {
			return time.Time{}, false, fmt.Errorf("unparseable time %q (%w)", s, err)
		}
		t, minute, err := parseTimeReadPrec(local, fixedZone(zone), nil)
		if err == nil {
			return t, minute, nil
		}
		if err := requoted(err, local, s); err != nil {
			return time.Time{}, false, err
		}
		return time.Time{}, false, unparseableTime(s)
	}
	if strings.Contains(s, "月") {
		// no other layout holds a 月: only a Chinese date
		return chineseTime(s, loc)
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return instant(t), false, nil
	}
	if t, minute, ok := localTime(s, loc); ok {
		return t, minute, nil
	}
	for _, layout := range offsetLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return instant(t), false, nil
		}
	}
	return time.Time{}, false, unparseableTime(s)
}

// localTime reads a time without a zone in loc: a local layout, with
// 上午 or 下午 before a 12-hour clock or without. minute says the layout
// read has no seconds (see parseTimeReadPrec).
func localTime(s string, loc *time.Location) (t time.Time, minute, ok bool) {
	for _, layout := range localLayouts {
		// fractional seconds after the seconds are accepted by time.Parse
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, !layoutSeconds(layout), true
		}
	}
	return meridiemTime(s, loc)
}

// layoutSeconds reports whether a Go layout reads the seconds: without
// them, the times it reads were written to the minute (see
// parseTimeReadPrec). A layout reads them when two times a second apart
// are written differently by it (05, 5, or 15:04:05 in a longer element);
// the answer is remembered for each layout (the readers' few, a user's
// --time-layout).
func layoutSeconds(layout string) bool {
	if v, ok := secondsLayouts.Load(layout); ok {
		return v.(bool)
	}
	a := time.Date(2001, 2, 3, 16, 5, 6, 0, time.UTC)
	has := a.Format(layout) != a.Add(time.Second).Format(layout)
	secondsLayouts.Store(layout, has)
	return has
}

// secondsLayouts remembers layoutSeconds' answers, by layout.
var secondsLayouts sync.Map

// requoted is err, the reason part of a time (part) is no time, given
// for the whole time as it was written (s): the reason the part gets (a
// date without a year, …) holds for s. It is nil when err is not such a
// reason.
func requoted(err error, part, s string) error {
	if rest, ok := strings.CutPrefix(err.Error(), "unparseable time "+strconv.Quote(part)); ok {
		return fmt.Errorf("unparseable time %q%s", s, rest)
	}
	return nil
}

// beijing marks a time as Beijing time, UTC+8, as Chinese exports and
// notices write it before or after the time (北京时间 2026年11月4日 10:02,
// 2026年11月4日 10:02（北京时间）).
const beijing = "北京时间"

// cutZone cuts the zone written with a time (full-width forms made ASCII):
// 北京时间 before it, or after its time of day an offset (+0800, +08:00,
// UTC+8, GMT+08:00), Z, UTC, GMT or 北京时间, in brackets or not. local is
// the time without them, off the offset they name (seconds east of UTC).
// zoned is false when s holds no zone, or words after its time of day that
// name none (左右, 下午): it is read as it is. err, when zoned, says why the
// zone cannot be used: zones that disagree, an abbreviation that names
// several (CST).
func cutZone(s string) (local string, off int, zoned bool, err error) {
	var offs []int
	rest := s
	for _, p := range []string{"(" + beijing + ")", beijing} {
		if r, ok := strings.CutPrefix(rest, p); ok {
			rest = strings.TrimLeft(r, " :")
			offs = append(offs, 8*3600)
			break
		}
	}
	// the time of day ends the time: the digits after its first colon
	// (dates have none), the seconds and a fraction; the zone follows
	// (without one, no zone follows: 北京时间 2026年11月4日 is read, for
	// the reason it is no time)
	end := strings.IndexByte(rest, ':')
	switch {
	case end < 1 || end+3 > len(rest) || digits2(rest, end+1) < 0:
		end = len(rest)
	default:
		end += 3
		if end+3 <= len(rest) && rest[end] == ':' && digits2(rest, end+1) >= 0 {
			end += 3
		}
		if end+1 < len(rest) && rest[end] == '.' && rest[end+1] >= '0' && rest[end+1] <= '9' {
			for end++; end < len(rest) && rest[end] >= '0' && rest[end] <= '9'; end++ {
			}
		}
	}
	var abbr string
	for _, z := range strings.FieldsFunc(rest[end:], func(r rune) bool { return r == ' ' || r == '(' || r == ')' }) {
		switch o, ok := ParseOffset(z); {
		case ok:
			offs = append(offs, o)
		case z == beijing:
			offs = append(offs, 8*3600)
		case z == "Z" || z == "UTC" || z == "GMT":
			offs = append(offs, 0)
		case len(z) >= 3 && len(z) <= 5 && strings.Trim(z, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "":
			abbr = z
		default:
			return "", 0, false, nil
		}
	}
	if len(offs) == 0 && abbr == "" {
		return "", 0, false, nil
	}
	local = strings.TrimSpace(rest[:end])
	if abbr != "" {
		return local, 0, true, zoneAbbreviationError(abbr)
	}
	for _, o := range offs[1:] {
		if o != offs[0] {
			return local, 0, true, fmt.Errorf("zones that disagree: %s and %s", offsetText(offs[0]), offsetText(o))
		}
	}
	return local, offs[0], true, nil
}

// zoneAbbreviationError is the error of a time whose zone is an
// abbreviation (CST, JST, EST): which offset it means cannot be told.
func zoneAbbreviationError(abbr string) error {
	return fmt.Errorf("the zone %s is an abbreviation, which may name several: CST is China's +08:00 "+
		"but also America's -06:00; write the offset, e.g. +08:00, or leave the zone out and give --tz", abbr)
}

// offsetText writes an offset east of UTC as RFC 3339 does: +08:00.
func offsetText(off int) string {
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d:%02d", sign, off/3600, off/60%60)
}

// ParseOffset reads a fixed UTC offset (+08:00, +0800, +8, UTC+8,
// GMT-5:30) as seconds east of UTC: UTC+8 is eight hours ahead of UTC, as
// times and Chinese users write it, not the POSIX reading.
func ParseOffset(s string) (int, bool) {
	for _, p := range []string{"UTC", "GMT"} {
		if rest, ok := strings.CutPrefix(strings.ToUpper(s), p); ok && rest != "" {
			s = rest
		}
	}
	if len(s) < 2 || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	h, m, colon := s[1:], "", false
	if i := strings.IndexByte(h, ':'); i >= 0 {
		h, m, colon = h[:i], h[i+1:], true
	} else if len(h) == 4 {
		h, m = h[:2], h[2:]
	}
	if len(h) == 0 || len(h) > 2 || !allDigits(h) || !allDigits(m) || (colon || m != "") && len(m) != 2 {
		return 0, false
	}
	hours, err := strconv.Atoi(h)
	if err != nil || hours > 14 {
		return 0, false
	}
	minutes := 0
	if m != "" {
		if minutes, err = strconv.Atoi(m); err != nil || minutes > 59 {
			return 0, false
		}
	}
	return sign * (hours*3600 + minutes*60), true
}

// allDigits reports whether s holds ASCII digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// unparseableTime says why s is no time, and what reads it.
func unparseableTime(s string) error {
	if timeOfDay(s) {
		return fmt.Errorf("unparseable time %q (a time of day without a date: keep the date in the same field, "+
			"or, in a csv or a workbook, in a column of its own named 日期 or date)", s)
	}
	if dateOnly(s) {
		return dateWithoutTime(s)
	}
	return fmt.Errorf("unparseable time %q (use RFC 3339, \"2006-01-02 15:04:05\", \"2006年1月2日 15:04:05\" or epoch seconds/milliseconds, "+
		"or give the export's layout with --time-layout, e.g. '%%d/%%m/%%Y %%H:%%M' for 04/11/2026 10:00)", s)
}

// dateWithoutTime is the error of a time s that is a date alone.
func dateWithoutTime(s string) error {
	return fmt.Errorf("unparseable time %q (a date without the time of day: the timing rules need both)", s)
}

// isoDate is a date alone as databases and spreadsheets write it: 2026-11-04,
// 2026/11/4.
var isoDate = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$`)

// dateOnly reports whether s is a date that exists, without a time of day
// (see isoDate).
func dateOnly(s string) bool {
	m := isoDate.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return false
	}
	_, err := time.Parse("2006-1-2", m[1]+"-"+m[2]+"-"+m[3])
	return err == nil
}

// chineseTime reads a date written the Chinese way and a time of day, as
// Chinese help-desk tools and Excel write them: 2026年11月4日 10:02:03, the
// day also as 4号, the time with or without a space before it, with 上午
// or 下午 before a 12-hour clock or without (2026年11月4日 下午3:05). The
// date is rewritten as the local layouts write it (2026-11-04) and read
// as they read it (see localTime). A month and day without the year are
// refused: a conversation that crosses New Year could not be ordered.
func chineseTime(s string, loc *time.Location) (time.Time, bool, error) {
	iso, ok, why := chineseDate(s)
	switch {
	case why != "":
		return time.Time{}, false, fmt.Errorf("unparseable time %q (%s)", s, why)
	case !ok:
		return time.Time{}, false, unparseableTime(s)
	}
	if t, ok := fastTime(iso, loc); ok {
		return t, false, nil
	}
	if t, minute, ok := localTime(iso, loc); ok {
		return t, minute, nil
	}
	if !strings.Contains(iso, " ") {
		return time.Time{}, false, dateWithoutTime(s)
	}
	if _, err := time.Parse("2006-01-02", iso[:10]); err == nil && !clockStart.MatchString(iso[11:]) {
		// the date exists, and what follows it is no clock the readers
		// know (10时02分, 星期三 10:02): a layout reads it
		return time.Time{}, false, unparseableTime(s)
	}
	return time.Time{}, false, fmt.Errorf("unparseable time %q (no such date or time of day? read are dates and times such as "+
		"2026年11月4日 10:02:03, 2026年11月4号 10:02 and 2026年11月4日 下午3:05)", s)
}

// clockStart matches the start of a time of day as the readers write it:
// an hour and a colon, after 上午 or 下午 if any.
var clockStart = regexp.MustCompile(`^(?:上午|下午)?\s*[0-9０-９]{1,2}\s*[:：]`)

// chineseDate rewrites a time starting with a date written the Chinese way
// (2026年11月4日, or 4号; blanks around the numbers are allowed) with the
// date as the local layouts write it, 2026-11-04, a space and the rest
// after it (10:02:03, 下午3:05; a T before it, as after an ISO date, is
// left out). ok is false when s does not start with such a date; why says
// why, when it starts with one whose year is missing (11月4日) or not
// written in full (26年11月4日).
func chineseDate(s string) (iso string, ok bool, why string) {
	num := func(min, max int) (string, bool) {
		s = strings.TrimLeft(s, " \u3000")
		i := 0
		for i < len(s) && i < max && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i < min || (i < len(s) && s[i] >= '0' && s[i] <= '9') {
			return "", false
		}
		v := s[:i]
		s = strings.TrimLeft(s[i:], " \u3000")
		return v, true
	}
	mark := func(marks ...string) bool {
		for _, m := range marks {
			if rest, ok := strings.CutPrefix(s, m); ok {
				s = rest
				return true
			}
		}
		return false
	}
	y, ok := num(1, 4)
	if !ok {
		return "", false, ""
	}
	if !mark("年") {
		// a month and day without the year?
		if len(y) <= 2 && mark("月") {
			if _, ok := num(1, 2); ok && mark("日", "号") {
				return "", false, "a date without a year: a conversation that crosses New Year could not be ordered; " +
					"export the times with their year, e.g. 2026年11月4日 10:02"
			}
		}
		return "", false, ""
	}
	if len(y) == 2 || len(y) == 3 {
		if _, ok := num(1, 2); ok && mark("月") {
			return "", false, fmt.Sprintf("a year of %d digits: %s年 may be of this century or the last, "+
				"or of the Minguo calendar, whose year 115 is 2026; export the times with the year in full, e.g. 2026年11月4日 10:02", len(y), y)
		}
	}
	if len(y) != 4 {
		return "", false, ""
	}
	mo, ok := num(1, 2)
	if !ok || !mark("月") {
		return "", false, ""
	}
	d, ok := num(1, 2)
	if !ok || !mark("日", "号") {
		return "", false, ""
	}
	if len(s) > 1 && s[0] == 'T' && s[1] >= '0' && s[1] <= '9' {
		s = s[1:]
	}
	pad := func(v string) string {
		if len(v) == 1 {
			return "0" + v
		}
		return v
	}
	iso = y + "-" + pad(mo) + "-" + pad(d)
	if rest := strings.TrimSpace(s); rest != "" {
		iso += " " + rest
	}
	return iso, true, ""
}

// meridiemTime reads a date and a 12-hour time with 上午 (a.m.) or 下午
// (p.m.) before the hour, as Chinese-locale Excel and Windows write them
// ("2026/11/4 下午 3:05:12"): the rest must read as a local layout with an
// hour from 1 to 12.
func meridiemTime(s string, loc *time.Location) (t time.Time, minute, ok bool) {
	am, pm := strings.Count(s, "上午"), strings.Count(s, "下午")
	if am+pm != 1 {
		return time.Time{}, false, false
	}
	rest := strings.Join(strings.Fields(strings.NewReplacer("上午", " ", "下午", " ").Replace(s)), " ")
	for _, layout := range localLayouts {
		// read as UTC, which has every wall time: in loc, 2:30 (下午) may
		// fall in a daylight-saving gap and be moved before the 12 hours
		// are added
		t, err := time.Parse(layout, rest)
		if err != nil {
			continue
		}
		h, ok := meridiemHour(t.Hour(), pm == 1)
		if !ok {
			return time.Time{}, false, false
		}
		y, mo, d := t.Date()
		return time.Date(y, mo, d, h, t.Minute(), t.Second(), t.Nanosecond(), loc), !layoutSeconds(layout), true
	}
	return time.Time{}, false, false
}

// meridiemHour turns an hour of a 12-hour clock (1 to 12) after 上午
// (a.m.) or 下午 (p.m.) into one of 0 to 23; ok is false for an hour
// outside 1 to 12.
func meridiemHour(h int, pm bool) (int, bool) {
	if h < 1 || h > 12 {
		return 0, false
	}
	switch {
	case pm && h < 12:
		h += 12
	case !pm && h == 12:
		h = 0
	}
	return h, true
}

// fastTime parses the common shapes without allocating: YYYY-MM-DD or
// YYYY/MM/DD, a space or T, hh:mm:ss, optional fractional seconds, and an
// optional zone (Z or ±hh:mm; without one the time is in loc). Anything else
// (or an impossible date) returns ok false and the general parser decides.
func fastTime(s string, loc *time.Location) (t time.Time, ok bool) {
	return fastTimeIn(s, loc, nil)
}

// dayMemo remembers the last date fastTimeIn read (the first ten bytes of
// the time, which it checked) and what it made of it: the times of an
// export mostly fall on the day of the time before, whose date then need
// not be read again. A scanner keeps one: it is not safe for concurrent
// use.
//
// It remembers the hours and minutes and the offset of the last time too,
// each on its own (an export may write some times with an offset and
// others without on the same day): consecutive times of a day's chat
// mostly fall in one minute, and carry one offset if any. And it
// remembers the last minute read of each length whole (see minute).
type dayMemo struct {
	lo       uint64 // the date's first eight bytes, little-endian
	hi       uint16 // and its last two (lo 0: nothing remembered)
	y, mo, d int
	days     int64 // daysSinceEpoch(y, mo, d)
	// clock is the digits of the last hh:mm read (hh and mm,
	// little-endian; 0: none), h and mi what they read
	clock uint32
	h, mi int
	// zone is the last offset ±hh:mm read after a time (its six bytes,
	// little-endian; 0: none), off its seconds east of UTC and loc
	// fixedZone(off)
	zone uint64
	off  int
	loc  *time.Location
	// the minute of the last time read of each length (see minute)
	minutes [7]minuteMemo
}

// minuteMemo is the minute of a time of 19 to 25 bytes (see
// dayMemo.minute): its first sixteen bytes (the date and hh:mm) and its
// last eight but the seconds, the zone it was read in (in; nil: none
// stored), where the time is (at) and the Unix time of its second 0.
type minuteMemo struct {
	lo, hi, tail uint64
	base         int64
	in, at       *time.Location
}

// minute reads s, a time of the minute of the last time of its length
// fastTimeIn stored (see setMinute), from its seconds alone: the date,
// the clock's hours and minutes and what follows the seconds are the
// bytes of that time, so s is that minute's time at its seconds. Most
// times of an export fall in the minute of the one before of their form
// (an export may write some times with an offset and others without: a
// memo per length keeps both): some 30 instructions instead of 150. A
// string with blanks at its edges never matches (the stored times had
// none).
func (m *dayMemo) minute(s string, loc *time.Location) (time.Time, bool) {
	n := len(s)
	if uint(n-19) >= uint(len(m.minutes)) {
		return time.Time{}, false
	}
	e := &m.minutes[n-19]
	// (bytes 11 to 18 hold the colon before the seconds and the seconds;
	// the words are read as word reads them, written out: see word)
	p := unsafe.Pointer(unsafe.StringData(s))
	w := binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, 11))[:])
	if binary.LittleEndian.Uint64((*[8]byte)(p)[:]) != e.lo || binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, 8))[:]) != e.hi ||
		binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, n-8))[:])&^secMask(n) != e.tail || loc != e.in || e.at == nil || byte(w>>40) != ':' {
		return time.Time{}, false
	}
	d1, d0 := byte(w>>48)-'0', byte(w>>56)-'0'
	if d1 > 5 || d0 > 9 {
		return time.Time{}, false
	}
	return time.Unix(e.base+int64(d1)*10+int64(d0), 0).In(e.at), true
}

// secMask masks the seconds (bytes 17 and 18) of a time of n bytes, 19
// to 25, in its last eight bytes as a little-endian word.
func secMask(n int) uint64 {
	return 0xFFFF << (8 * uint(25-n) & 63)
}

// setMinute stores the minute of s, a time fastTimeIn has read without a
// fraction of a second, whose second 0 is Unix time base, at, read in
// loc: see minute. Times of 19 to 25 bytes only (the date, the clock and
// at most an offset ±hh:mm).
func (m *dayMemo) setMinute(s string, loc, at *time.Location, base int64) {
	n := len(s)
	if uint(n-19) >= uint(len(m.minutes)) {
		return
	}
	b := unsafe.Slice(unsafe.StringData(s), n)
	m.minutes[n-19] = minuteMemo{lo: word(b, 0), hi: word(b, 8), tail: word(b, n-8) &^ secMask(n), base: base, in: loc, at: at}
}

// fastTimeIn is fastTime with the memo of the last date read (nil: none).
func fastTimeIn(s string, loc *time.Location, memo *dayMemo) (t time.Time, ok bool) {
	if len(s) < 19 || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' {
		return t, false
	}
	var y, mo, d int
	var days int64
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	lo, hi := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint16(b[8:])
	if memo != nil && memo.lo == lo && memo.hi == hi && lo != 0 {
		y, mo, d, days = memo.y, memo.mo, memo.d, memo.days
	} else {
		sep := s[4]
		if (sep != '-' && sep != '/') || s[7] != sep {
			return t, false
		}
		y0, y1 := digits2(s, 0), digits2(s, 2)
		mo, d = digits2(s, 5), digits2(s, 8)
		if y0 < 0 || y1 < 0 || mo < 1 || mo > 12 || d < 1 {
			return t, false
		}
		y = y0*100 + y1
		if d > daysIn(time.Month(mo), y) {
			return t, false
		}
		days = daysSinceEpoch(y, mo, d)
		if memo != nil {
			memo.lo, memo.hi, memo.y, memo.mo, memo.d, memo.days = lo, hi, y, mo, d, days
		}
	}
	var h, mi int
	clock := uint32(binary.LittleEndian.Uint16(b[11:])) | uint32(binary.LittleEndian.Uint16(b[14:]))<<16
	if memo != nil && memo.clock == clock && clock != 0 {
		h, mi = memo.h, memo.mi
	} else {
		h, mi = digits2(s, 11), digits2(s, 14)
		if h < 0 || h > 23 || mi < 0 || mi > 59 {
			return t, false
		}
		if memo != nil {
			memo.clock, memo.h, memo.mi = clock, h, mi
		}
	}
	sec := digits2(s, 17)
	if sec < 0 || sec > 59 {
		return t, false
	}
	rest := s[19:]
	nsec := 0
	if len(rest) > 0 && rest[0] == '.' {
		i, scale := 1, 100000000
		for ; i < len(rest) && rest[i] >= '0' && rest[i] <= '9'; i++ {
			nsec += int(rest[i]-'0') * scale
			scale /= 10
		}
		if i == 1 {
			return t, false
		}
		rest = rest[i:]
	}
	off := 0
	in := loc // the zone s is read in, for the memo of its minute
	switch {
	case rest == "":
		t = dateIn(days, y, mo, d, h, mi, sec, nsec, loc)
		if memo != nil && nsec == 0 {
			// the minute is memorised when its 60 seconds, local
			// and UTC, lie in one span of loc's offset (dateIn has
			// just looked it up): then every second of it reads as
			// dateIn's fast path reads it
			local := days*86400 + int64(h*3600+mi*60)
			if z := lastSpan.Load(); z != nil && z.loc == loc {
				if utc := local - z.off; z.start <= min(local, utc) && max(local, utc)+59 < z.end {
					memo.setMinute(s, loc, loc, utc)
				}
			}
		}
		return t, true
	case rest == "Z":
		loc = time.UTC
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		rb := unsafe.Slice(unsafe.StringData(rest), 6)
		zone := uint64(binary.LittleEndian.Uint32(rb)) | uint64(binary.LittleEndian.Uint16(rb[4:]))<<32
		if memo != nil && memo.zone == zone {
			off, loc = memo.off, memo.loc
			break
		}
		zh, zm := digits2(rest, 1), digits2(rest, 4)
		if zh < 0 || zm < 0 || zh > 23 || zm > 59 {
			return t, false
		}
		off = zh*3600 + zm*60
		if rest[0] == '-' {
			off = -off
		}
		loc = fixedZone(off)
		if memo != nil {
			memo.zone, memo.off, memo.loc = zone, off, loc
		}
	default:
		return t, false
	}
	// a fixed offset: what time.Date would work out, directly
	unix := days*86400 + int64(h*3600+mi*60+sec-off)
	if memo != nil && nsec == 0 {
		memo.setMinute(s, in, loc, unix-int64(sec))
	}
	return time.Unix(unix, int64(nsec)).In(loc), true
}

// zoneSpan is a stretch of time [start, end) (Unix seconds) over which a
// location keeps one offset.
type zoneSpan struct {
	loc        *time.Location
	start, end int64
	off        int64
}

// lastSpan is the span dateIn met last: the times of an export are mostly
// in one (Asia/Shanghai has had one offset since 1991).
var lastSpan atomic.Pointer[zoneSpan]

// dateIn is time.Date(y, mo, d, h, mi, sec, nsec, loc) for a valid date and
// time (days is daysSinceEpoch(y, mo, d)), without looking up loc's zone when the time falls in the span of
// the previous one. time.Date takes the offset in effect at the local time
// read as UTC, or, when the resulting instant is outside that offset's span,
// the one at the instant; with both in a span of one offset that is the
// span's offset.
func dateIn(days int64, y, mo, d, h, mi, sec, nsec int, loc *time.Location) time.Time {
	local := days*86400 + int64(h*3600+mi*60+sec)
	if z := lastSpan.Load(); z != nil && z.loc == loc {
		utc := local - z.off
		if z.start <= local && local < z.end && z.start <= utc && utc < z.end {
			return time.Unix(utc, int64(nsec)).In(loc)
		}
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, nsec, loc)
	z := &zoneSpan{loc: loc, start: math.MinInt64, end: math.MaxInt64}
	_, off := t.Zone()
	z.off = int64(off)
	start, end := t.ZoneBounds()
	if !start.IsZero() {
		z.start = start.Unix()
	}
	if !end.IsZero() {
		z.end = end.Unix()
	}
	lastSpan.Store(z)
	return t
}

// digits2 reads the two digits at s[i:i+2]; -1 if they are not digits.
func digits2(s string, i int) int {
	a, b := s[i]-'0', s[i+1]-'0'
	if a > 9 || b > 9 {
		return -1
	}
	return int(a)*10 + int(b)
}

// daysSinceEpoch is the number of days from 1970-01-01 to a date of the
// proleptic Gregorian calendar (H. Hinnant's days_from_civil).
func daysSinceEpoch(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era*146097 + doe - 719468)
}

// daysIn is the number of days of a month (1 to 12).
func daysIn(m time.Month, year int) int {
	if m == time.February {
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return int(monthDays[m-1])
}

var monthDays = [12]uint8{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// zones caches fixed zones by offset: every +08:00 time shares one.
var zones sync.Map

// lastZone is the fixed zone fixedZone returned last: an export's times
// usually all carry the same offset, so most lookups end here.
var lastZone atomic.Pointer[offsetZone]

type offsetZone struct {
	off int
	loc *time.Location
}

func fixedZone(off int) *time.Location {
	if z := lastZone.Load(); z != nil && z.off == off {
		return z.loc
	}
	var loc *time.Location
	if z, ok := zones.Load(off); ok {
		loc = z.(*time.Location)
	} else {
		z, _ := zones.LoadOrStore(off, time.FixedZone("", off))
		loc = z.(*time.Location)
	}
	lastZone.Store(&offsetZone{off: off, loc: loc})
	return loc
}

// fromEpoch reads epoch seconds, or milliseconds from 1e11 up. Milliseconds
// end at 1e13 (the year 2286): a number of 14 digits is a compact date and
// time (20261104100000), which read as milliseconds would fall in the year
// 2612, its seconds thousandths apart, so it is refused with the layout
// that reads it. Seconds start at 1e8 (1973): a smaller number is no chat's
// time but, most often, an Excel date serial (days since 1899-12-30, 46330
// is 2026-11-04) saved into a csv from a column without a date format,
// which read as seconds would put a day's messages a second apart.
func fromEpoch(f float64) (time.Time, error) {
	// the number as the export writes it, not 9.9999999e+07 (written out
	// only for an error: formatting it cost a time read in range four
	// times what reading it does)
	v := func() string { return strconv.FormatFloat(f, 'f', -1, 64) }
	if f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return time.Time{}, fmt.Errorf("unparseable time %s", v())
	}
	if f < 1e8 {
		if f >= 20000 && f < 100000 { // 1954 to 2173 as a serial
			// (the same words for a csv saved from a workbook and for the
			// workbook: its cells without a date format read as numbers)
			return time.Time{}, fmt.Errorf("unparseable time %s (no epoch time: an Excel date serial number? "+
				"give the column a date format, yyyy-mm-dd hh:mm:ss, in the workbook; a csv saved from it then holds the times)", v())
		}
		return time.Time{}, fmt.Errorf("unparseable time %s (epoch seconds before 1973: no chat's time)", v())
	}
	if f >= 1e11 { // milliseconds
		if f >= 1e14 {
			return time.Time{}, fmt.Errorf("unparseable time %s (epoch out of range)", v())
		}
		if f >= 1e13 {
			return time.Time{}, fmt.Errorf("unparseable time %.0f (no epoch time: milliseconds would be after the year 2286; "+
				"a compact date and time such as 20261104100000 needs --time-layout '%%Y%%m%%d%%H%%M%%S')", f)
		}
		ms := int64(f)
		return time.UnixMilli(ms).Add(time.Duration((f - float64(ms)) * 1e6)).UTC(), nil
	}
	sec := int64(f)
	return time.Unix(sec, int64((f-float64(sec))*1e9)).UTC(), nil
}

// TimeLayout turns a time layout given by a user into a Go layout: Go
// layouts ("2006-01-02 15:04:05") are kept, strftime directives
// ("%Y-%m-%d %H:%M:%S") are translated; as strptime does, %m, %d and %I
// read a month, day or hour of one digit as well as of two (2026/11/4 9:58
// is %Y/%m/%d %H:%M). "unix" and "unixms" stand for epoch seconds and
// milliseconds.
func TimeLayout(s string) (string, error) {
	if s == "" || s == "unix" || s == "unixms" || !strings.Contains(s, "%") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			return "", fmt.Errorf("time layout %q ends with a lone %%", s)
		}
		i++
		d, ok := strftime[s[i]]
		if !ok {
			return "", fmt.Errorf("time layout %q: unsupported directive %%%c", s, s[i])
		}
		b.WriteString(d)
	}
	return b.String(), nil
}

// layoutHasDate checks that a time layout (as given, and as a Go layout)
// reads a whole date and the time of day to the minute. Without a date every time falls on a day of year 0:
// times of day alone cannot order a conversation that crosses midnight
// (23:59:50 and then 00:00:10 would be read in the wrong order, nearly a
// day apart), nor a month and day without the year one across New Year;
// without the time of day every reply comes 0 s after its question.
func layoutHasDate(given, layout string) error {
	// a layout has a part of the date when two times that differ in it
	// alone (on the same weekday: "Mon" is not a date) read differently
	ref := time.Date(2001, 2, 3, 16, 5, 6, 0, time.UTC) // a Saturday
	has := func(y int, m time.Month, d int) bool {
		return time.Date(y, m, d, 16, 5, 6, 0, time.UTC).Format(layout) != ref.Format(layout)
	}
	year, month, day := has(2007, 2, 3), has(2001, 3, 3), has(2001, 2, 10)
	// and the time of day, to the minute (seconds may be left out)
	clock := func(h, min int) bool {
		return time.Date(2001, 2, 3, h, min, 6, 0, time.UTC).Format(layout) != ref.Format(layout)
	}
	hour, minute := clock(3, 5), clock(16, 35)
	const fix = "give the layout of a time field that holds the date as well, " +
		"e.g. '2006-01-02 15:04:05' (strftime '%Y-%m-%d %H:%M:%S'), or epoch times (unix, unixms); " +
		"when the export keeps the date in a field of its own, join the two into one first " +
		"(a csv or a workbook with the dates in a column named 日期 or date does so itself, without --time-layout)"
	switch {
	case !month && !day:
		return fmt.Errorf("time layout %q has no date: times of day alone cannot order a conversation that crosses midnight "+
			"(23:59:50 and then 00:00:10 would be read as nearly a day apart, in the wrong order); %s", given, fix)
	case !month || !day:
		missing := "day"
		if !month {
			missing = "month"
		}
		return fmt.Errorf("time layout %q has no %s: the date of a time cannot be read without it; %s", given, missing, fix)
	case !year:
		return fmt.Errorf("time layout %q has no year: every time would fall in year 0, and a conversation that crosses "+
			"New Year would run backwards; %s", given, fix)
	case !hour || !minute:
		return fmt.Errorf("time layout %q has no time of day (hours and minutes): every reply would seem to come at once, "+
			"so the timing rules (slow-reply, hold …) could never fire; give the layout of a field that holds the time as well, "+
			"e.g. '2006-01-02 15:04:05', or map no time field, and the timing rules are skipped and counted", given)
	}
	return nil
}

var strftime = map[byte]string{
	'Y': "2006", 'y': "06", 'm': "1", 'd': "2", 'e': "_2", 'H': "15", 'I': "3", 'M': "04", 'S': "05",
	'p': "PM", 'b': "Jan", 'B': "January", 'a': "Mon", 'A': "Monday", 'z': "-0700", 'Z': "MST",
	'f': "999999999", 'F': "2006-01-02", 'T': "15:04:05", '%': "%",
}

// parseTimeLayout reads a time with a user's layout (see TimeLayout); an
// empty layout falls back to ParseTime.
func parseTimeLayout(s, layout string, loc *time.Location) (time.Time, error) {
	return parseTimeLayoutAs(s, layout, layout, loc)
}

// parseTimeLayoutAs is parseTimeLayout with the Go layout made of the one
// the user gave (a strftime layout, see TimeLayout): a time that does not
// match it is refused naming the layout as the user wrote it.
func parseTimeLayoutAs(s, layout, given string, loc *time.Location) (time.Time, error) {
	t, _, err := parseTimeLayoutPrec(s, layout, given, loc)
	return t, err
}

// parseTimeLayoutPrec is parseTimeLayoutAs, and whether s was written to
// the minute, without seconds (lint.Message.TimeToMinute): read by a
// layout without them, the user's or, without one, one of ParseTime's.
func parseTimeLayoutPrec(s, layout, given string, loc *time.Location) (time.Time, bool, error) {
	s = strings.TrimSpace(s)
	if layout == "" || s == "" {
		return parseTimeReadPrec(s, loc, nil)
	}
	t, err := parseTimeGoLayout(s, layout, given, loc)
	if err != nil || layout == "unix" || layout == "unixms" {
		return t, false, err
	}
	return t, !layoutSeconds(layout), nil
}

// parseTimeGoLayout is parseTimeLayoutAs for a layout given (not "").
func parseTimeGoLayout(s, layout, given string, loc *time.Location) (time.Time, error) {
	switch layout {
	case "unix", "unixms":
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("time %q is not an epoch number (time layout %s)", s, layout)
		}
		// a number of the other unit, where its size tells it: seconds
		// from 1e11 up are after the year 5000, milliseconds under 1e11
		// (seconds from 1e8 up: 1973) before March 1973, no chat's time
		switch {
		case layout == "unix" && f >= 1e11 && f < 1e14:
			return time.Time{}, fmt.Errorf("time %q is epoch milliseconds, not seconds (time layout unix): use --time-layout unixms", s)
		case layout == "unixms" && f >= 1e8 && f < 1e11:
			return time.Time{}, fmt.Errorf("time %q is epoch seconds, not milliseconds (time layout unixms): use --time-layout unix", s)
		}
		if layout == "unixms" {
			f /= 1000
		}
		if f < 0 || f >= 1e11 || math.IsNaN(f) {
			return time.Time{}, fmt.Errorf("time %q out of range (time layout %s)", s, layout)
		}
		sec := int64(f)
		return time.Unix(sec, int64((f-float64(sec))*1e9)).UTC(), nil
	}
	t, err := time.ParseInLocation(layout, s, loc)
	if err != nil && strings.Contains(layout, "-0700") {
		// strftime's %z reads +09:00 and Z as well as +0900 (as Python's
		// strptime does): Go's -0700 only the last
		for _, alt := range []string{"Z07:00", "Z0700"} {
			if t2, err2 := time.ParseInLocation(strings.Replace(layout, "-0700", alt, 1), s, loc); err2 == nil {
				t, err = t2, nil
				break
			}
		}
	}
	if err != nil {
		hint := ""
		if strings.Contains(layout, "01") || strings.Contains(layout, "02") {
			if _, err := time.ParseInLocation(strings.NewReplacer("01", "1", "02", "2").Replace(layout), s, loc); err == nil {
				hint = " (in a Go layout, 01 and 02 take two digits: 1 and 2 read 11/4 too)"
			}
		}
		return time.Time{}, fmt.Errorf("time %q does not match the time layout %q%s", s, given, hint)
	}
	// a zone abbreviation (the layout's MST, strftime's %Z) without an
	// offset beside it: Go reads one it does not know (JST, EST) as UTC,
	// and one --tz's zone also uses (CST) as that zone's offset
	if strings.Contains(layout, "MST") && !strings.Contains(layout, "-07") && !strings.Contains(layout, "Z07") {
		if name, _ := t.Zone(); name != "UTC" && name != "GMT" && len(name) >= 3 && len(name) <= 5 && strings.Trim(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
			return time.Time{}, fmt.Errorf("unparseable time %q (%w)", s, zoneAbbreviationError(name))
		}
	}
	if strings.Contains(layout, "-07") || strings.Contains(layout, "Z07") || strings.Contains(layout, "MST") {
		t = instant(t) // the time says its offset
	}
	return t, nil
}

// narrowTime is s with its full-width forms (U+FF01–U+FF5E: digits, colon,
// slash, hyphen, letters) and ideographic spaces made ASCII, and whether
// there were any.
func narrowTime(s string) (string, bool) {
	wide := false
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 {
			wide = true
			break
		}
	}
	if !wide {
		return s, false
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFF01 + '!'
		case r == 0x3000:
			return ' '
		}
		return r
	}, s), true
}

// instant returns t, a time read with an offset of its own (RFC 3339, a
// layout with a zone), in a fixed zone of that offset. Go's parsers put
// such a time in the zone they were given (time.Parse: the machine's,
// time.Local; time.ParseInLocation: --tz) when its offset is the zone's
// then, where it reads as a wall clock of that zone: in the hour daylight
// saving repeats (lint.RepeatedHour), 01:30-04:00 in America/New_York
// would be taken for a 01:30 that may be either, and its conversation's
// timing rules skipped, though its offset says which. Epoch times are
// instants too: their readers give them in UTC, not time.Local, for the
// same reason.
func instant(t time.Time) time.Time {
	if loc := t.Location(); loc == time.UTC {
		return t
	}
	_, off := t.Zone()
	return t.In(fixedZone(off))
}
