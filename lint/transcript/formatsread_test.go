package transcript

import (
	"slices"
	"testing"
)

// TestFormatsReadUntaken: a part of the mapping is untaken when no file of
// the run was read in a format whose reader takes it, and what the files
// were read as is said, each format with its first file and how many more.
func TestFormatsReadUntaken(t *testing.T) {
	type read struct{ format, file string }
	for _, tc := range []struct {
		name   string
		read   []read
		key    string
		takers []string // nil: taken, or nothing read
		readAs string
	}{
		{"jddc takes no field", []read{{"jddc", "chat.txt"}}, "fields", mappingTakers["fields"], "chat.txt was read as jddc"},
		{"jddc takes no role", []read{{"jddc", "chat.txt"}}, "roles", mappingTakers["roles"], "chat.txt was read as jddc"},
		{"a csv takes no messages path", []read{{"csv", "a.csv"}, {"csv", "b.csv"}, {"csv", "c.csv"}}, "messages", []string{"json", "jsonl"}, "a.csv and 2 other files were read as csv"},
		{"a txt dump maps roles by sender", []read{{"txt", "day.txt"}}, "roles", nil, ""},
		{"a txt dump places no field", []read{{"txt", "day.txt"}, {"jddc", "chat.txt"}}, "fields", mappingTakers["fields"], "day.txt was read as txt and chat.txt was read as jddc"},
		{"one file of a taking format is enough", []read{{"jddc", "chat.txt"}, {"csv", "a.csv"}}, "fields", nil, ""},
		{"xlsx takes --header=false", []read{{"xlsx", "day.xlsx"}}, "header", nil, ""},
		{"xlsx has no delimiter", []read{{"xlsx", "day.xlsx"}}, "delimiter", []string{"csv", "tsv", "canned"}, "day.xlsx was read as xlsx"},
		{"a canned table takes its text column", []read{{"canned", "lib.csv"}}, "fields", nil, ""},
		{"nothing read, nothing said", nil, "fields", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := NewFormatsRead()
			for _, r := range tc.read {
				u.note(r.format, r.file)
			}
			takers, readAs := u.Untaken(tc.key)
			if !slices.Equal(takers, tc.takers) || readAs != tc.readAs {
				t.Errorf("Untaken(%s) = %v, %q; want %v, %q", tc.key, takers, readAs, tc.takers, tc.readAs)
			}
		})
	}
	var none *FormatsRead // no record kept
	none.note("jddc", "chat.txt")
	if takers, readAs := none.Untaken("fields"); takers != nil || readAs != "" {
		t.Errorf("a nil record says %v, %q", takers, readAs)
	}
}

// TestMappingTakersKnowFormats: every format a mapping part is said to be
// taken by is a registered one.
func TestMappingTakersKnowFormats(t *testing.T) {
	for key, takers := range mappingTakers {
		for _, f := range takers {
			if formats[f] == nil {
				t.Errorf("mapping part %s: no format %q", key, f)
			}
		}
	}
}
