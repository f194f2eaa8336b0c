package check

import (
	"reflect"
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/rules"
)

// TestRequireMessagesRemembered: require messages, rendered once for a
// rule and the reply they quote (Conv.message), are those rendering
// gives, for rules sharing a template but not what fills it ({phrases},
// {at}, {within}), for replies that differ or are missing, conversation
// after conversation in one worker.
func TestRequireMessagesRemembered(t *testing.T) {
	const msg = `"{reply}/{phrases}/{at}/{within}"`
	pack := "pack: t\nrules:\n" +
		"  - {id: a, type: require, at: first-reply, phrases: [您好], message: " + msg + "}\n" +
		"  - {id: b, type: require, at: first-reply, phrases: [亲], message: " + msg + "}\n" +
		"  - {id: c, type: require, at: last-reply, phrases: [您好], message: " + msg + "}\n" +
		"  - {id: d, type: require, at: first-reply, phrases: [您好], within: 30s, message: " + msg + "}\n" +
		"  - {id: e, type: require, phrases: [您好], message: " + msg + "}\n" +
		"  - {id: f, type: require, at: first-reply, phrases: [您好], message: \"{phrases}\"}\n"
	set, err := rules.LoadBytes("t.yaml", []byte(pack))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Compile(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	convs := []string{
		"customer: 在吗\nagent: 在的\nagent: 再见",
		"customer: 在吗\nagent: 在的，请问有什么可以帮您的？我们的客服时间是早九点到晚九点\nagent: 好的",
		"customer: 在吗",
		"customer: 在吗\nagent: 在的\nagent: 在的",
		"customer: 在吗\nagent:   \nagent: 好",
		"customer: 在吗\nagent: 在的",
	}
	w := s.NewWorker().(*worker)
	found := 0
	for round := 0; round < 2; round++ {
		for _, tr := range convs {
			c := conv(t, tr)
			got, gotSkip := w.Check(c)
			want, wantSkip := refCheck(s, c)
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotSkip, wantSkip) {
				t.Fatalf("%q:\n got %v\nwant %v", tr, messages(got), messages(want))
			}
			found += len(got)
		}
	}
	if found < 40 {
		t.Errorf("%d findings: too few for the comparison to say much", found)
	}
}

func messages(fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule.ID+": "+f.Message)
	}
	return out
}
