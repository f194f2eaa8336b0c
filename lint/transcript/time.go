package transcript

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// localLayouts are the time layouts without a zone, read in --tz.
var localLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006/01/02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02 15:04",
	"2006-1-2 15:04:05",
	"2006/1/2 15:04:05",
}

// ParseTime reads a time as RFC 3339, as a local layout such as
// "2006-01-02 15:04:05" in loc, or as epoch seconds or milliseconds (numbers
// from 1e11 up are milliseconds). An empty string is "no time" (zero, nil).
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if c := s[0]; c >= '0' && c <= '9' && !strings.ContainsAny(s, "-/: T") {
		f, err := strconv.ParseFloat(s, 64)
		if err == nil {
			return fromEpoch(f)
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	for _, layout := range localLayouts {
		// fractional seconds after the seconds are accepted by time.Parse
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unparseable time %q (use RFC 3339, \"2006-01-02 15:04:05\" or epoch seconds/milliseconds)", s)
}

func fromEpoch(f float64) (time.Time, error) {
	if f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return time.Time{}, fmt.Errorf("unparseable time %v", f)
	}
	if f >= 1e11 { // milliseconds
		if f >= 1e14 {
			return time.Time{}, fmt.Errorf("unparseable time %v (epoch out of range)", f)
		}
		ms := int64(f)
		return time.UnixMilli(ms).Add(time.Duration((f - float64(ms)) * 1e6)), nil
	}
	sec := int64(f)
	return time.Unix(sec, int64((f-float64(sec))*1e9)), nil
}

// TimeLayout turns a time layout given by a user into a Go layout: Go
// layouts ("2006-01-02 15:04:05") are kept, strftime directives
// ("%Y-%m-%d %H:%M:%S") are translated. "unix" and "unixms" stand for epoch
// seconds and milliseconds.
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

var strftime = map[byte]string{
	'Y': "2006", 'y': "06", 'm': "01", 'd': "02", 'e': "_2", 'H': "15", 'I': "03", 'M': "04", 'S': "05",
	'p': "PM", 'b': "Jan", 'B': "January", 'a': "Mon", 'A': "Monday", 'z': "-0700", 'Z': "MST",
	'f': "999999999", 'F': "2006-01-02", 'T': "15:04:05", '%': "%",
}

// parseTimeLayout reads a time with a user's layout (see TimeLayout); an
// empty layout falls back to ParseTime.
func parseTimeLayout(s, layout string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if layout == "" || s == "" {
		return ParseTime(s, loc)
	}
	switch layout {
	case "unix", "unixms":
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("time %q is not an epoch number (time layout %s)", s, layout)
		}
		if layout == "unixms" {
			f /= 1000
		}
		if f < 0 || f >= 1e11 || math.IsNaN(f) {
			return time.Time{}, fmt.Errorf("time %q out of range (time layout %s)", s, layout)
		}
		sec := int64(f)
		return time.Unix(sec, int64((f-float64(sec))*1e9)), nil
	}
	t, err := time.ParseInLocation(layout, s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("time %q does not match the time layout %q", s, layout)
	}
	return t, nil
}
