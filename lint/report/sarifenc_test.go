package report

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"testing"
)

// oddSARIFResult is a SARIF result with odd strings, floats and optional
// parts present or not.
func oddSARIFResult(rng *rand.Rand) *SARIFResult {
	res := &SARIFResult{
		RuleID: oddString(rng), Level: oddString(rng), Message: SARIFText{Text: oddString(rng)},
		Properties: SARIFResultProperties{
			Conversation: oddString(rng), Agent: oddString(rng), Role: oddString(rng), Sender: oddString(rng),
			Time: oddString(rng), Text: oddString(rng), Match: oddString(rng), Suggestion: oddString(rng),
			Deduct: oddFloats[rng.IntN(len(oddFloats))], Severity: oddString(rng),
			Type: oddString(rng), Source: oddString(rng), Fatal: rng.IntN(3) == 0,
		},
	}
	if rng.IntN(2) == 0 {
		res.Properties.Column = rng.IntN(3) * rng.IntN(5000)
	}
	if rng.IntN(3) == 0 {
		res.Properties.Sheet = oddString(rng)
	}
	if rng.IntN(2) == 0 {
		i := rng.IntN(1000)
		res.RuleIndex = &i
	}
	switch rng.IntN(6) {
	case 0: // nil
	case 1:
		res.Locations = []SARIFLocation{}
	default:
		for range 1 + rng.IntN(2) {
			l := SARIFPhysicalLocation{ArtifactLocation: SARIFArtifactLocation{URI: oddString(rng)}}
			if rng.IntN(3) == 0 {
				l.ArtifactLocation.Description = &SARIFText{Text: oddString(rng)}
			}
			if rng.IntN(3) > 0 {
				l.Region = &SARIFRegion{StartLine: rng.IntN(3) * rng.IntN(100000), StartColumn: rng.IntN(3) * rng.IntN(200), EndColumn: rng.IntN(3) * rng.IntN(200)}
				if rng.IntN(2) == 0 {
					l.Region.Snippet = &SARIFText{Text: oddString(rng)}
				}
			}
			res.Locations = append(res.Locations, SARIFLocation{PhysicalLocation: l})
		}
	}
	if rng.IntN(4) == 0 {
		// a canned-reply library's fix
		reg := SARIFRegion{StartLine: 1 + rng.IntN(100000), StartColumn: 1 + rng.IntN(200)}
		reg.EndColumn = reg.StartColumn + rng.IntN(20)
		res.Fixes = []SARIFFix{{
			ArtifactChanges: []SARIFArtifactChange{{
				ArtifactLocation: SARIFArtifactLocation{URI: oddString(rng)},
				Replacements:     []SARIFReplacement{{DeletedRegion: reg, InsertedContent: &SARIFContent{Text: oddString(rng)}}},
			}},
		}}
		if rng.IntN(2) == 0 {
			res.Fixes[0].Description = &SARIFText{Text: oddString(rng)}
		}
	}
	switch rng.IntN(4) {
	case 0: // nil
	case 1:
		res.PartialFingerprints = map[string]string{}
	default:
		res.PartialFingerprints = map[string]string{}
		for range 1 + rng.IntN(3) {
			res.PartialFingerprints[oddString(rng)] = oddString(rng)
		}
	}
	return res
}

// TestSARIFEncoderMatchesEncodingJSON: the hand-written result encoder
// writes exactly what encoding/json writes, for odd results, with one
// encoder reused and with fresh ones.
func TestSARIFEncoderMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	reused := &convEncoder{indent: true, prefix: "        "}
	for i := range 20000 {
		res := oddSARIFResult(rng)
		var buf bytes.Buffer
		s := &sarifWriter{}
		s.w = bufio.NewWriter(&buf)
		s.value(res, "        ")
		s.flush()
		want, wantErr := buf.String(), s.err
		for _, enc := range []*convEncoder{reused, {indent: true, prefix: "        "}} {
			got, err := enc.sarifResult(res)
			if (err == nil) != (wantErr == nil) || err == nil && string(got) != want {
				t.Fatalf("result %d:\n%s (%v)\nencoding/json:\n%s (%v)", i, got, err, want, wantErr)
			}
		}
	}
}
