package transcript

import (
	"strings"
	"testing"
)

// A msgtime in seconds (an archive re-exported from a database that
// stored them so) is no time in milliseconds: read as one it would put the
// message in January 1970 and the reply timing hundreds of thousands of
// hours apart. Such a record is malformed, saying what msgtime holds.
func TestWecomMsgtimeInSeconds(t *testing.T) {
	data := `{"msgid":"m1","action":"send","from":"wmAAAA","tolist":["zhangsan"],"roomid":"","msgtime":1793757600,"msgtype":"text","text":{"content":"在吗"}}` + "\n" +
		`{"msgid":"m2","action":"send","from":"zhangsan","tolist":["wmAAAA"],"roomid":"","msgtime":"1793757606","msgtype":"text","text":{"content":"您好"}}` + "\n" +
		`{"msgid":"m3","action":"send","from":"zhangsan","tolist":["wmAAAA"],"roomid":"","msgtime":1793757607000,"msgtype":"text","text":{"content":"再见"}}` + "\n"
	s := mustRead(t, "wecom", data, Options{})
	if len(s.msgs) != 1 || s.msgs[0].Text != "再见" {
		t.Errorf("messages: %s", msgLines(s.msgs))
	}
	if len(s.rejects) != 2 || !strings.Contains(s.rejects[0].Err, `"msgtime" 1793757600: expected epoch milliseconds`) ||
		!strings.Contains(s.rejects[1].Err, `"msgtime" "1793757606": expected epoch milliseconds`) {
		t.Errorf("rejects: %v", s.rejects)
	}
}
