package rules

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
)

// scoringField is one key of a pack's scoring section.
type scoringField struct {
	key  string
	set  func(*Scoring) bool            // whether a pack's section sets it
	same func(a, b *Scoring) bool       // whether two sections set it alike
	show func(*Scoring) string          // its value, as a message shows it
	take func(out *Scoring, p *Scoring) // copies it from p to out
}

var scoringFields = []scoringField{
	{
		key:  "start",
		set:  func(s *Scoring) bool { return s.Start != nil },
		same: func(a, b *Scoring) bool { return *a.Start == *b.Start },
		show: func(s *Scoring) string { return strconv.FormatFloat(*s.Start, 'f', -1, 64) },
		take: func(out, p *Scoring) { out.Start = p.Start },
	},
	{
		key:  "grades",
		set:  func(s *Scoring) bool { return s.Grades != nil },
		same: func(a, b *Scoring) bool { return showGrades(a.Grades) == showGrades(b.Grades) },
		show: func(s *Scoring) string { return showGrades(s.Grades) },
		take: func(out, p *Scoring) { out.Grades = p.Grades },
	},
	{
		key:  "fail_grade",
		set:  func(s *Scoring) bool { return s.FailGrade != "" },
		same: func(a, b *Scoring) bool { return a.FailGrade == b.FailGrade },
		show: func(s *Scoring) string { return s.FailGrade },
		take: func(out, p *Scoring) { out.FailGrade = p.FailGrade },
	},
}

// showGrades writes grades as a pack does, highest first: {优秀: 95, 良好: 85}.
func showGrades(gs Grades) string {
	g := append(Grades(nil), gs...)
	sort.SliceStable(g, func(i, j int) bool { return g[i].Min > g[j].Min })
	parts := make([]string, len(g))
	for i, x := range g {
		parts[i] = x.Name + ": " + strconv.FormatFloat(x.Min, 'f', -1, 64)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// scoringFrom returns the packs of the set whose scoring sets f and that no
// other such pack extends (directly or not): a pack's scoring replaces the
// scoring of the packs it extends. They come in the set's order, parents
// before children.
func (s *Set) scoringFrom(f scoringField) []*Pack {
	var setters []*Pack
	for _, p := range s.Packs {
		if p.Scoring != nil && f.set(p.Scoring) {
			setters = append(setters, p)
		}
	}
	var out []*Pack
	for _, p := range setters {
		shadowed := false
		for _, q := range setters {
			if q != p && extends(q, p) {
				shadowed = true
				break
			}
		}
		if !shadowed {
			out = append(out, p)
		}
	}
	return out
}

// extends reports whether pack q extends pack p, directly or not.
func extends(q, p *Pack) bool {
	for _, parent := range q.Parents {
		if parent == p || extends(parent, p) {
			return true
		}
	}
	return false
}

// EffectiveScoring merges the scoring sections: each field comes from the
// pack that sets it and is extended by no other pack setting it (Load has
// refused a set where two such packs disagree); defaults fill the rest.
func (s *Set) EffectiveScoring() Scoring {
	var out Scoring
	for _, f := range scoringFields {
		if from := s.scoringFrom(f); len(from) > 0 {
			f.take(&out, from[0].Scoring)
		}
	}
	if out.Start == nil {
		start := 100.0
		out.Start = &start
	}
	if out.Grades == nil {
		out.Grades = Grades{{"优秀", 95}, {"良好", 85}, {"合格", 70}}
	}
	if out.FailGrade == "" {
		out.FailGrade = "不合格"
	}
	g := append(Grades(nil), out.Grades...)
	sort.SliceStable(g, func(i, j int) bool { return g[i].Min > g[j].Min })
	out.Grades = g
	return out
}

// checkScoring reports packs whose scoring sets a field unlike another pack
// of the set when neither extends the other: which one should win is the
// user's to say, not the order the packs were named in.
func (s *Set) checkScoring() []*PosError {
	var errs []*PosError
	for _, f := range scoringFields {
		from := s.scoringFrom(f)
		for _, p := range from[min(1, len(from)):] {
			first := from[0]
			if f.same(first.Scoring, p.Scoring) {
				continue
			}
			if p.Builtin && !first.Builtin {
				// the error is the user's pack's: a built-in one
				// cannot be changed
				p, first = first, p
			}
			at := valueNode(p.root(), "scoring")
			if n := valueNode(at, f.key); n != nil {
				at = n
			}
			what, where := "pack "+first.Name, first.File
			if first.Builtin {
				// (its file, rules/base.yaml, is chatlint's own, on no
				// user's machine)
				what, where = "built-in pack "+first.Name, path.Base(first.File)
			}
			if n := valueNode(valueNode(first.root(), "scoring"), f.key); n != nil {
				if first.Builtin {
					where += fmt.Sprintf(" line %d", n.Line)
				} else {
					where = fmt.Sprintf("%s:%d", first.File, n.Line)
				}
			}
			e := posErrorf(at, "scoring %s %s differs from %s in %s (%s), and neither pack extends the other: make this pack extend %s (its scoring then wins), or set scoring in a pack that extends both",
				f.key, f.show(p.Scoring), f.show(first.Scoring), what, where, first.Name)
			e.File = p.File
			errs = append(errs, e)
		}
	}
	return errs
}
