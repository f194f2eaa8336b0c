package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// benchResults are conversations shaped like the benchmark corpus's: 15
// messages of Chinese chat, 2 or 3 findings each with a Chinese message
// and a long source.
func benchResults() []*lint.Result {
	texts := []string{
		"老板在吗", "在呢亲，请问有什么可以帮您？", "这件衣服有没有XL的", "亲，XL有货的，版型偏大一码，平时穿L的建议选小一码哦~",
		"什么时候发货", "上午十点前付款当天就能发出，江浙沪一般第二天就能送到，其他地区大概两到三天左右",
		"能便宜点吗", "不好意思亲，已经是活动价了，不行再便宜了", "好吧", "感谢您的支持，有任何问题随时联系我们哦~",
	}
	rules := []*lint.RuleInfo{
		{ID: "base/missing-greeting", Type: "require", Severity: lint.Warning, Source: "004_780e41bcc3e266cf.txt 二(一), 000_c3c0c20a3640b639.txt 二.5"},
		{ID: "ecommerce/slow-reply", Type: "latency", Severity: lint.Warning, Source: "001_ed061126aded40bc.txt 五.三.4"},
		{ID: "base/evasive", Type: "forbid", Severity: lint.Error, Source: "规章 五.五, 002_x.txt 十四"},
	}
	const file = "/work/main/bench/out/corpus-100MB-seed1-v2.jsonl"
	zone := time.FixedZone("CST", 8*3600)
	var out []*lint.Result
	for n := range 100 {
		c := &lint.Conversation{ID: fmt.Sprintf("TB20261111101%05d", n), File: file, Timed: true}
		for i := range 15 {
			role, sender := lint.Customer, "wx_huhu42434"
			if i%2 == 1 {
				role, sender = lint.Agent, "旗舰店:小美"
			}
			c.Messages = append(c.Messages, lint.Message{Role: role, Sender: sender, Text: texts[(n+i)%len(texts)],
				Time: time.Date(2026, 11, 11, 8, 0, 2+i*7, 0, zone), Pos: lint.Pos{File: file, Line: 15*n + i + 1}})
		}
		r := &lint.Result{Conversation: c, Agents: []string{"旗舰店:小美"}, Score: 94.5, Grade: "良好"}
		for k := range 2 + n%2 {
			r.Findings = append(r.Findings, lint.Finding{Rule: rules[k], Msg: 2*k + 1, Agent: "旗舰店:小美", Deduct: float64(k + 1),
				Message: "顾客等待37s才得到回复（不超过30s）"})
		}
		if n%2 == 1 {
			r.Findings[2].Match, r.Findings[2].Column, r.Findings[2].Suggestion = "不行", 12, "无法帮到您"
		}
		out = append(out, r)
	}
	return out
}

// BenchmarkJSONLConversations writes the conversation lines of the jsonl
// report (100 conversations per op); "encoding-json" is the reflection
// encoder the writer used before, for comparison.
func BenchmarkJSONLConversations(b *testing.B) {
	results := benchResults()
	opts := Options{Location: time.FixedZone("CST", 8*3600)}
	var size int64
	w, _ := New("jsonl", &byteCounter{n: &size}, opts)
	for _, r := range results {
		w.Conversation(r)
	}
	b.Run("encoder", func(b *testing.B) {
		w, _ := New("jsonl", io.Discard, opts)
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, r := range results {
				if err := w.Conversation(r); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		var buf bytes.Buffer
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			for _, r := range results {
				buf.Reset()
				enc := json.NewEncoder(&buf)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(ConversationJSON(r, opts)); err != nil {
					b.Fatal(err)
				}
				io.Discard.Write(buf.Bytes())
			}
		}
	})
}

type byteCounter struct{ n *int64 }

func (c *byteCounter) Write(p []byte) (int, error) { *c.n += int64(len(p)); return len(p), nil }
