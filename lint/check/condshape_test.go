package check

import (
	"testing"

	"github.com/chatlint/chatlint/rules"
)

func TestCondShape(t *testing.T) {
	tests := []struct {
		cond string
		want condShape
	}{
		{"{type: emoji}", shapeAdmits},
		{"{phrases: [好的]}", shapeList},
		{"{phrases: [好的], quantifier: none}", shapeList},
		{"{phrases: [好的, 谢谢], quantifier: all}", shapeOther},
		{"{phrases: [好的, 谢谢], at_least: 2}", shapeOther},
		{"{patterns: ['^好+$'], type: text}", shapeList},
		{"{min_length: 1}", shapeLength},
		{"{min_length: 1, max_length: 5}", shapeLength},
		{"{any_of: [{phrases: [好的]}, {type: emoji}]}", shapeAnyOf},
		{"{all_of: [{phrases: [好的]}, {min_length: 3}]}", shapeAllOf},
		{"{not: {min_length: 1}}", shapeNot},
		{"{phrases: [好的], min_length: 3}", shapeOther},
		{"{phrases: [好的], not: {phrases: [不]}}", shapeOther},
		{"{starts_with: [好]}", shapeOther},
		{"{pii: [phone]}", shapeOther},
	}
	for _, tt := range tests {
		w := compileOne(t, whenRule(tt.cond)).Checks[0].(*when)
		if w.when.shape != tt.want {
			t.Errorf("%s: shape %d, want %d", tt.cond, w.when.shape, tt.want)
		}
	}
}

// TestCondTestAgreesWithEvalNeed holds cond.test (and holds, which calls
// it) to evalNeed without needHit on every condition (nested ones too) of
// made-up rules and of every rule of the default packs, on messages of
// every role and kind.
func TestCondTestAgreesWithEvalNeed(t *testing.T) {
	conds := []string{
		"{type: emoji}",
		"{phrases: [好的, 谢谢]}",
		"{phrases: [亲], quantifier: none}",
		"{phrases: [好的, 谢谢], quantifier: all}",
		"{min_length: 1}",
		"{max_length: 3}",
		"{not: {min_length: 1}}",
		"{any_of: [{all_of: [{patterns: ['^[好的嗯谢\\s\\p{P}]+$']}, {patterns: ['^[\\s\\p{P}]*(好的?|嗯+|谢谢)[\\s\\p{P}]*$']}]}, {patterns: ['^[^?？]{0,12}(我|那我)(再)?等(等|一下)[\\s\\p{P}]*$']}, {not: {min_length: 1}}, {type: emoji}]}",
		"{role: customer, any_of: [{phrases: [在吗]}, {not: {phrases: [吗], quantifier: none}}]}",
		"{all_of: [{phrases: [改成]}, {not: {starts_with: [不]}}, {max_length: 20}]}",
		"{role: agent, type: note, phrases: [改]}",
	}
	var sets []*Set
	for _, c := range conds {
		sets = append(sets, compileOne(t, whenRule(c)))
	}
	set, err := rules.Load(rules.DefaultPack)
	if err != nil {
		t.Fatal(err)
	}
	def, err := Compile(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sets = append(sets, def)
	c := conv(t, `00:00 customer: 在吗
00:01 customer: 好的，谢谢
00:02 customer:
00:03 customer/emoji: [表情]
00:04 customer: 那我再等等吧
00:05 agent: 亲，在的
00:06 agent/note: 改成蓝色
00:07 customer: 嗯嗯
00:08 customer: 这个能改成XL吗？
00:09 agent: 不改成别的了吗
00:10 bot: 好的
00:11 customer: 我等一下。
00:12 customer: 谢谢亲！！
00:13 customer: ok`)
	checked := 0
	for _, s := range sets {
		w := s.NewWorker().(*worker)
		cv := &w.cv
		cv.reset(c)
		for i := range c.Messages {
			m, tx := &c.Messages[i], &cv.Texts[i]
			if s.scan.Has(m.Role) {
				s.Matcher.AnalyseIn(tx, m.Text, int(m.Role))
			} else {
				s.Matcher.Analyse(tx, m.Text, false)
			}
		}
		var walk func(cd *cond)
		walk = func(cd *cond) {
			if cd == nil {
				return
			}
			for i := range c.Messages {
				want, _ := cd.evalNeed(cv, i, false)
				if got := cd.admits(&c.Messages[i]) && cd.test(cv, i); got != want {
					t.Errorf("%s on %q: test %v, evalNeed %v", cd.describe(), c.Messages[i].Text, got, want)
				}
				want, _ = cd.evalGated(cv, i, false)
				if got := cd.holds(cv, i); got != want {
					t.Errorf("%s on %q: holds %v, evalGated %v", cd.describe(), c.Messages[i].Text, got, want)
				}
				checked++
			}
			for _, sub := range cd.allOf {
				walk(sub)
			}
			for _, sub := range cd.anyOf {
				walk(sub)
			}
			walk(cd.not)
		}
		for _, ch := range s.Checks {
			switch ch := ch.(type) {
			case *when:
				walk(ch.when)
				walk(ch.then)
			case *latency:
				walk(ch.ignore)
			case *hold:
				walk(ch.ignore)
				walk(ch.notAnswer)
			case *unanswered:
				walk(ch.ignore)
			case *followup:
				walk(ch.trigger)
				walk(ch.expect)
				walk(ch.unless)
				walk(ch.opening)
			case *count:
				walk(ch.when)
			case *bonus:
				walk(ch.when)
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d conditions asked: the test tests little", checked)
	}
}
