package transcript

import (
	"strings"
	"testing"
)

// TestUntypedFiles: readers say which files cannot say a message's type
// (no type column, JDDC, a txt chat copy), so that rules expecting a note skip their
// conversations; a type column, or a default type, can.
func TestUntypedFiles(t *testing.T) {
	for _, tc := range []struct {
		name, format, data string
		opts               Options
		untyped            bool
	}{
		{"csv without a type column", "csv", "conversation,role,text\nc1,agent,好的\n", Options{}, true},
		{"csv with a type column", "csv", "conversation,role,type,text\nc1,agent,text,好的\n", Options{}, false},
		{"csv with a mapped type column", "csv", "会话,角色,种类,内容\nc1,agent,note,好的\n", Options{Mapping: &Mapping{Fields: map[string]string{"type": "种类"}}}, false},
		{"csv with a default type", "csv", "conversation,role,text\nc1,agent,好的\n", Options{Mapping: &Mapping{Defaults: map[string]string{"type": "text"}}}, false},
		{"tsv without a type column", "tsv", "conversation\trole\ttext\nc1\tagent\t好的\n", Options{}, true},
		{"csv read as html", "csv", "conversation,role,text\nc1,agent,<b>好的</b>\n", Options{HTML: true}, true},
		{"jddc", "jddc", "s1\tu1\t0\t0\t0\tnan\t在吗\ns1\tu1\t1\t0\t0\tnan\t在的\n", Options{}, true},
		// a chat copy holds no order notes: unnoted-order-change was a
		// finding at every change a customer asked for
		{"txt (千牛 copy)", "txt", "tb_buyer 2026-11-07 10:00:00\n能改成蓝色吗\n店铺:小美 2026-11-07 10:00:05\n好的\n", Options{Agents: []string{"店铺:*"}}, true},
		{"txt, one line per message", "txt", "[2026-11-07 10:00:00] tb_buyer: 能改成蓝色吗\n[2026-11-07 10:00:05] 店铺:小美: 好的\n", Options{Agents: []string{"店铺:*"}}, true},
		{"txt with a default type", "txt", "tb_buyer 2026-11-07 10:00:00\n能改成蓝色吗\n", Options{Agents: []string{"店铺:*"}, Mapping: &Mapping{Defaults: map[string]string{"type": "text"}}}, false},
		{"jsonl", "jsonl", `{"conversation":"c1","role":"agent","text":"好的"}` + "\n", Options{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := readData(t, tc.format, tc.data, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.msgs) == 0 {
				t.Fatalf("no messages read (rejects %v)", s.rejects)
			}
			if got := strings.Join(s.untyped, ","); (got == "<stdin>") != tc.untyped || len(s.untyped) > 1 {
				t.Errorf("untyped files %q, want untyped %v", got, tc.untyped)
			}
		})
	}
}
