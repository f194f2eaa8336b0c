package check

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// advVocab are the phrases the random conditions ask for and the random
// messages are made of: few, so that conditions hold often.
var advVocab = []string{"好的", "谢谢", "不能", "无法", "地址", "颜色", "ok", "付款", "亲", "不知道", "抱歉"}

// advPatterns are patterns the random conditions may use, some anchored,
// some matching the empty string at places.
var advPatterns = []string{"付款|支付", `\d+`, "^好", "吗$", "不.道", "(?P<match>谢)谢", "颜色?", "[a-z]+", "x*", `\b`, "(?P<match>)好", "(?i)OK", `(?:^|，)亲`, "好的?$", `\bok\b`}

// randSide writes a random condition as YAML flow mapping.
func randSide(rng *rand.Rand, depth int, nested bool) string {
	var parts []string
	pick := func(list []string, max int) string {
		n := 1 + rng.Intn(max)
		var out []string
		for _, k := range rng.Perm(len(list))[:min(n, len(list))] {
			out = append(out, fmt.Sprintf("%q", list[k]))
		}
		return "[" + strings.Join(out, ", ") + "]"
	}
	if rng.Intn(map[bool]int{true: 8, false: 3}[nested]) == 0 {
		parts = append(parts, "role: "+pick([]string{"customer", "agent", "bot", "system"}, 3))
	}
	if rng.Intn(6) == 0 {
		parts = append(parts, "type: "+[]string{"text", "note", "transfer", "order", "emoji"}[rng.Intn(5)])
	}
	hasList, items := false, 0
	if rng.Intn(2) == 0 {
		p := pick(advVocab, 3)
		parts = append(parts, "phrases: "+p)
		hasList, items = true, items+strings.Count(p, ",")+1
	}
	if rng.Intn(5) == 0 {
		p := pick(advPatterns, 2)
		parts = append(parts, "patterns: "+p)
		hasList, items = true, items+strings.Count(p, ",")+1
	}
	if hasList {
		if rng.Intn(3) == 0 {
			parts = append(parts, "match: "+[]string{"word", "substring"}[rng.Intn(2)])
		}
		if rng.Intn(4) == 0 {
			parts = append(parts, "except: "+pick([]string{"不能不", "好的吧", "谢谢你", "不知道吗", "无法无天"}, 2))
		}
		if rng.Intn(6) == 0 {
			parts = append(parts, "except_patterns: "+pick([]string{"不能.", "谢谢.", "^好的"}, 1))
		}
		switch rng.Intn(6) {
		case 0:
			parts = append(parts, "quantifier: none")
		case 1:
			parts = append(parts, "quantifier: all")
		case 2:
			parts = append(parts, fmt.Sprintf("at_least: %d", 1+rng.Intn(items)))
		case 3:
			parts = append(parts, "quantifier: any")
		}
	}
	if rng.Intn(6) == 0 {
		parts = append(parts, "starts_with: "+pick(advVocab, 2))
	}
	if rng.Intn(6) == 0 {
		parts = append(parts, "ends_with: "+pick(advVocab, 2))
	}
	if rng.Intn(6) == 0 {
		parts = append(parts, fmt.Sprintf("min_length: %d", 1+rng.Intn(6)))
	}
	if rng.Intn(6) == 0 {
		parts = append(parts, fmt.Sprintf("max_length: %d", 2+rng.Intn(8)))
	}
	if rng.Intn(8) == 0 {
		parts = append(parts, "pii: [phone]")
	}
	if depth > 0 {
		if rng.Intn(3) == 0 {
			var subs []string
			for k := rng.Intn(3); k >= 0; k-- {
				subs = append(subs, randSide(rng, depth-1, true))
			}
			parts = append(parts, "all_of: ["+strings.Join(subs, ", ")+"]")
		}
		if rng.Intn(3) == 0 {
			var subs []string
			for k := rng.Intn(3); k >= 0; k-- {
				subs = append(subs, randSide(rng, depth-1, true))
			}
			parts = append(parts, "any_of: ["+strings.Join(subs, ", ")+"]")
		}
		if rng.Intn(4) == 0 {
			parts = append(parts, "not: "+randSide(rng, depth-1, true))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "phrases: "+pick(advVocab, 2))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// randRule writes a random rule of a type with conditions.
func randRule(rng *rand.Rand, id int) string {
	role := ""
	if rng.Intn(3) == 0 {
		role = ", role: " + []string{"customer", "agent", "[agent, bot]", "[customer, agent, bot, system]", "system"}[rng.Intn(5)]
	}
	tmpl := ""
	if rng.Intn(3) == 0 {
		tmpl = ", message: " + fmt.Sprintf("%q", []string{"{match}", "{match}/{within}/{limit}/{delay}", "{{match}}{", "{match", "x{within}{delay}{limit}{reply}{phrases}{at}"}[rng.Intn(5)])
	}
	switch rng.Intn(7) {
	case 0, 1:
		then := ""
		if rng.Intn(2) == 0 {
			then = ", then: " + randSide(rng, 2, false)
		}
		return fmt.Sprintf("{id: r%d, type: when%s%s, when: %s%s}", id, role, tmpl, randSide(rng, 3, false), then)
	case 2:
		return fmt.Sprintf("{id: r%d, type: bonus, add: 1%s%s, when: %s}", id, role, tmpl, randSide(rng, 3, false))
	case 3:
		return fmt.Sprintf("{id: r%d, type: count%s, max_count: 1, when: %s}", id, role, randSide(rng, 3, false))
	case 4:
		unless := ""
		if rng.Intn(2) == 0 {
			unless = ", unless: " + randSide(rng, 2, false)
		}
		extra := ""
		if rng.Intn(2) == 0 {
			extra += ", within: 30s"
		}
		if rng.Intn(2) == 0 {
			extra += fmt.Sprintf(", within_messages: %d", 1+rng.Intn(3))
		}
		if rng.Intn(4) == 0 {
			extra += ", look: before"
		}
		if rng.Intn(4) == 0 {
			extra += ", occurrence: " + []string{"last", "2", "1"}[rng.Intn(3)]
		}
		return fmt.Sprintf("{id: r%d, type: followup%s%s, trigger: %s, expect: %s%s}", id, tmpl, extra, randSide(rng, 3, false), randSide(rng, 2, false), unless)
	case 5:
		return fmt.Sprintf("{id: r%d, type: latency, max: 20s, ignore: %s}", id, randSide(rng, 2, false))
	default:
		return fmt.Sprintf("{id: r%d, type: hold, after: 30s, phrases: [稍等], ignore: %s, not_an_answer: %s}", id, randSide(rng, 2, false), randSide(rng, 2, false))
	}
}

// advFrags are the pieces of the random messages of the random packs.
var advFrags = append(append([]string{}, advVocab...),
	"吗", "？", "，", " ", "不能不", "好的吧", "谢谢你", "13812345678", "123", "abc", "OK", "😀", "\xe4\xb8", "稍等")

// randPack compiles a random pack of one to four rules; nil when the
// validation refuses it (a role that never matches, …).
func randPack(rng *rand.Rand) (*Set, string) {
	var b strings.Builder
	b.WriteString("pack: adv\nrules:\n")
	for k := 0; k < 1+rng.Intn(4); k++ {
		b.WriteString("  - " + randRule(rng, k) + "\n")
	}
	set, err := rules.LoadBytes("adv.yaml", []byte(b.String()))
	if err != nil {
		return nil, b.String()
	}
	cs, err := Compile(set, Options{})
	if err != nil {
		return nil, b.String()
	}
	return cs, b.String()
}

// checkRandomPack holds the gates, candidates and a worker (kept across
// the conversations) to the reference on random conversations with pack
// cs; it returns how often conditions held and the findings.
func checkRandomPack(t *testing.T, rng *rand.Rand, cs *Set, yaml string, convs int) (held, findings int) {
	t.Helper()
	w := cs.NewWorker().(*worker)
	for round := 0; round < convs; round++ {
		c := randomConv(rng, advFrags, rng.Intn(25))
		t.Run("", func(t *testing.T) {
			checkHasHits(t, cs, c)
			held += checkConds(t, cs, c)
			findings += checkWorker(t, cs, w, c)
		})
		if t.Failed() {
			t.Fatalf("pack\n%s", yaml)
		}
	}
	return held, findings
}

// TestGateAdversarial holds the condition gates (gateOf, mayHold,
// candidates), the message selections and the worker's reused scratch to
// the reference with random user packs: nested all_of / any_of / not,
// quantifiers, at_least, roles inside conditions (lists scanned for some
// roles only), types, except and except_patterns, word and substring mode,
// starts_with / ends_with, lengths and pii as alternatives without a list.
// CHATLINT_ADV_SEED and CHATLINT_ADV_PACKS run other or more packs.
func TestGateAdversarial(t *testing.T) {
	seed, npacks := int64(7), 150
	if s := os.Getenv("CHATLINT_ADV_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	if s := os.Getenv("CHATLINT_ADV_PACKS"); s != "" {
		npacks, _ = strconv.Atoi(s)
	}
	rng := rand.New(rand.NewSource(seed))
	packs, rejected, held, findings := 0, 0, 0, 0
	for packs < npacks {
		cs, yaml := randPack(rng)
		if cs == nil {
			rejected++
			continue
		}
		packs++
		h, f := checkRandomPack(t, rng, cs, yaml, 20)
		held, findings = held+h, findings+f
	}
	// the comparison says something only if conditions held and rules found
	if held < 1000 || findings < 1000 {
		t.Errorf("conditions held %d times, %d findings: too few", held, findings)
	}
	t.Logf("%d packs (%d refused), conditions held %d times, %d findings", packs, rejected, held, findings)
}

// FuzzGateAdversarial is TestGateAdversarial with the pack and the
// conversations chosen by the fuzzer (the seed: the random choices).
func FuzzGateAdversarial(f *testing.F) {
	for _, seed := range []int64{1, 2, 3, 7} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed int64) {
		rng := rand.New(rand.NewSource(seed))
		if cs, yaml := randPack(rng); cs != nil {
			checkRandomPack(t, rng, cs, yaml, 4)
		}
	})
}

// checkHasHits: for every list of every condition, Has agrees with Hits
// (the gates ask Has where the conditions ask Hits).
func checkHasHits(t *testing.T, s *Set, c *lint.Conversation) {
	t.Helper()
	cv := refLoad(s, c)
	for _, ch := range s.Checks {
		for _, cd := range condsOf(ch) {
			if !cd.hasList {
				continue
			}
			for i := range c.Messages {
				has := cv.Texts[i].Has(cd.list)
				hits := cv.Texts[i].Hits(cd.list, nil)
				if has != (len(hits) > 0) {
					t.Fatalf("list %d %q, message %q: Has %v, Hits %v", cd.list, cd.phrases, c.Messages[i].Text, has, hits)
				}
			}
		}
	}
}
