package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chatlint/chatlint/internal/shared"
)

// seedsDir is where the regulations the built-in packs come from are kept
// (beside the repository, never copied into it).
var seedsDir = shared.Path("seeds")

// seedFiles are the five regulations.
var seedFiles = []string{
	"000_c3c0c20a3640b639.txt", // 电商(天猫)客服工作制度
	"001_ed061126aded40bc.txt", // 呼叫中心管理制度
	"002_72f8fcf5f6530284.txt", // 客服部工作范围问与答
	"003_9109ec1affdfad66.txt", // 客服手機管理制度 (20 篇)
	"004_780e41bcc3e266cf.txt", // 电商平台客服服务标准与沟通手册
}

// clauses are the clauses the built-in rules cite, each with how its text
// starts in the seed: a reviewer reads here what a rule rests on, and
// TestCitationsResolve checks that the citation leads there and nowhere
// else.
var clauses = map[string]string{
	"000_c3c0c20a3640b639.txt 一.7":         "7、客服在工作过程中,应严格按照“三要、三不、四个一样”的要求去做。即: 二要:要“请”字当头,“您”字不离口。三不:不使用生硬语言,不说推卸责任的话,不责备、埋怨客户。",
	"000_c3c0c20a3640b639.txt 一.10":        "10、应严格保守公司的经营、财务、人事、技术、客户信息等机密。",
	"000_c3c0c20a3640b639.txt 二.5":         "5.接待好来咨询的每一位顾客,文明用语,礼貌待客,热情服务。买家旺旺咨询用语应该热情亲切,拒绝要婉转,不能用生硬的语句。(比如热情亲切的语句“ 您 、您好、亲”",
	"000_c3c0c20a3640b639.txt 二.10":        "10.对产品必须熟悉包括图片的色差程度,产品的发货时间及到货时间,最低的销售价。当买家对颜色要求比较高时就务必让他明白图片和实物是客观存在一定色差",
	"000_c3c0c20a3640b639.txt 二.11":        "11.在和买家沟通过程中买家要求比较高时,承诺和问题语言不能肯定的回答要留用余地",
	"000_c3c0c20a3640b639.txt 二.12":        "12.和买家沟通过程中严禁其它非工作内容特别是任务式、互动交互式游戏或聊天。沟通中要专心,特别是和买家的所购买的数量规格有变动或其它特别要求都必须在拍下后备注好",
	"001_ed061126aded40bc.txt 二.3":         "3、工作时间保持客服在线状态,用餐时应将在线客服设置自动回复,不允许出现无人回应现象发生。",
	"001_ed061126aded40bc.txt 四.1":         "1、资料为公司重要无形资产,严格保密客户信息",
	"001_ed061126aded40bc.txt 五.三.3":       "3、若电话中需要保持通话进行确认,应该先告知客户“请您稍等,我帮您进行确认可以吗?”在征得客户同意后,保持通话,在重新接听电话时,告知客户:“感谢您的耐心等待”",
	"001_ed061126aded40bc.txt 五.三.4":       "4、当客户发出沟通信号时,十秒内必须先有问候语的反馈。",
	"001_ed061126aded40bc.txt 五.三.5":       "5、当客户在线等候时,三十秒左右查客户是否在线,并征求客户意见:客服代表:“对不起,您的问题我还在给您咨询,请您稍候”",
	"001_ed061126aded40bc.txt 五.三.7":       "7、遇到客户向客服代表表示感谢时:客服代表:“请不必客气,感谢您对欧亚e购的支持,欢迎您再次光顾。”",
	"001_ed061126aded40bc.txt 五.三.8":       "8、遇到无法满足客户的要求,第一句话需要回答:“非常抱歉”。",
	"001_ed061126aded40bc.txt 五.四":         "四)文明礼貌用语十字文明用语:您好、请、谢谢、对不起、再见",
	"001_ed061126aded40bc.txt 五.五.1":       "1、哦,嗯的语气词",
	"001_ed061126aded40bc.txt 五.五.2":       "2、知道,我不大清楚,我找不到人问",
	"001_ed061126aded40bc.txt 五.五.3":       "3、你选吧,我也不懂",
	"001_ed061126aded40bc.txt 五.五.4":       "4、带有“不”字的:如不能便宜,不好意思,不行,到不了等。应该为:无法再低了,非常抱歉,无法帮到您,无法到达等。",
	"002_72f8fcf5f6530284.txt 十二":          "十二、变相的投诉怎样应对?",
	"002_72f8fcf5f6530284.txt 十四":          "十四、客服人员在接待顾客时禁止用语有那些?Ø不懂",
	"003_9109ec1affdfad66.txt 篇一 日常工作過程 3": "3.后臺交易狀態(tài)為“買家已付款”應檢查買家是否有留言需要備注,然后發(fā)送核對訂單信息",
	"003_9109ec1affdfad66.txt 篇一 日常工作過程 4": "4.買家旺旺咨詢用語應該熱情親切,拒絕要婉轉(zhuǎn),不能用生硬的語句。(比如熱情親切的語句“您、您好、親”",
	"003_9109ec1affdfad66.txt 篇一 日常工作過程 5": "5.對產(chǎn)品必須熟悉包括圖片的色差程度,產(chǎn)品的發(fā)貨時間。當買家對顏色要求比較高時就務必讓他明白圖片和實物是客觀存在一定色差",
	"003_9109ec1affdfad66.txt 篇一 日常工作過程 6": "6.在和買家溝通過程中買家要求比較高時,承諾和問題語言不能肯定的回答要留用余地",
	"003_9109ec1affdfad66.txt 篇一 日常工作過程 7": "7.溝通中要記住聊天內(nèi)容,有聊天跨度較長時間的要主動查看聊天記錄。在客戶拍下后備注好",
	"003_9109ec1affdfad66.txt 篇一 處分 一.5":   "5.當班客服對于未付款訂單沒有及時催單的,拍下后一小時內(nèi)沒催付的,抽查一次扣5元。",
	"003_9109ec1affdfad66.txt 篇二 4.2.2 1)": "1)接觸業(yè)主時應運用禮貌語言,做到微笑服務,吐字清楚,嚴禁與業(yè)主頂撞、爭執(zhí)",
	"003_9109ec1affdfad66.txt 篇二十 1 反應及時":  "1、反應及時(關鍵字:反應快、訓練有素)。\n\n每次回答顧客問題,顧客等待時間不能超過20秒。如回答太長,宜分次回答",
	"003_9109ec1affdfad66.txt 篇二十 1 問候語":   "1、問候語:您好、早上好、下午好、晚上好、您回來了等。",
	"003_9109ec1affdfad66.txt 篇二十 3 告別語":   "3、告別語:再見、晚安、明天見、祝您愉快等。",
	"003_9109ec1affdfad66.txt 篇二十 11":      "11、避免使用負面語言:我不能、我不會、我不愿意、我不可以、但是等",
	"004_780e41bcc3e266cf.txt 第一部分 一.2":    "2.诚信度:坚守诚信原则,向用户提供真实、准确的信息,不夸大产品功效,不承诺无法兑现的服务。",
	"004_780e41bcc3e266cf.txt 第一部分 一.5":    "5.保密意识:严格遵守平台用户信息保密规定,不得泄露用户个人隐私及交易信息。",
	"004_780e41bcc3e266cf.txt 第二部分 二(一)":   "(一)接待与开场",
	"004_780e41bcc3e266cf.txt 第二部分 二(二)":   "(二)倾听与理解",
}

// TestCitationsAreClauses: every built-in rule cites its sources as
// "file clause, file clause", each a clause of the table above (document,
// section, item, as precise as the document allows), and every clause of the
// table is cited by some rule.
func TestCitationsAreClauses(t *testing.T) {
	known := map[string]bool{}
	for _, f := range seedFiles {
		known[f] = true
	}
	used := map[string]bool{}
	for _, name := range BuiltinNames() {
		set, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range set.Rules() {
			if pr.Pack.Name != name {
				continue
			}
			if pr.Rule.Source == "" {
				t.Errorf("%s: no source", pr.FullID())
			}
			seen := map[string]bool{}
			for _, c := range strings.Split(pr.Rule.Source, ", ") {
				file, _, _ := strings.Cut(c, " ")
				switch {
				case !known[file]:
					t.Errorf("%s: %q names no seed document (%s)", pr.FullID(), c, strings.Join(seedFiles, ", "))
				case clauses[c] == "":
					t.Errorf("%s: %q is not a clause of the table: cite document, section and item, and add the clause's text to clauses", pr.FullID(), c)
				case seen[c]:
					t.Errorf("%s: %q cited twice", pr.FullID(), c)
				}
				seen[c], used[c] = true, true
			}
		}
	}
	for c := range clauses {
		if !used[c] {
			t.Errorf("clause %q is cited by no rule: remove it", c)
		}
	}
}

// TestCitationsResolve follows every clause the built-in rules cite (and
// every clause of the table) in its seed, one step at a time (篇二十, then its item 1 titled 反應及時; 五, then its 三),
// each step inside the part the previous one opened: each must be found
// exactly once there, and the last must be where the clause's text starts.
// A bare "篇二十 1" fails (篇二十 has six items 1), as does "004 一.2"
// (004 has a 一 in each of its two parts).
func TestCitationsResolve(t *testing.T) {
	texts := map[string]string{}
	for _, f := range seedFiles {
		b, err := os.ReadFile(filepath.Join(seedsDir, f))
		if err != nil {
			t.Skipf("seed documents not found (%v; set %s to the shared folder): citations not followed", err, shared.EnvVar)
		}
		texts[f] = string(b)
	}
	cited := map[string]string{} // citation → a rule citing it
	for c := range clauses {
		cited[c] = "the table"
	}
	for _, name := range BuiltinNames() {
		set, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range set.Rules() {
			for _, c := range strings.Split(pr.Rule.Source, ", ") {
				cited[c] = pr.FullID()
			}
		}
	}
	for c, by := range cited {
		file, clause, _ := strings.Cut(c, " ")
		if texts[file] == "" {
			continue // TestCitationsAreClauses says so
		}
		pos, err := resolveClause(texts[file], clause)
		if err != nil {
			t.Errorf("%s (cited by %s): %v", c, by, err)
			continue
		}
		if want := clauses[c]; !strings.HasPrefix(texts[file][pos:], want) {
			t.Errorf("%s leads to\n\t%.80q\nwant the clause starting\n\t%.80q", c, texts[file][pos:], want)
		}
	}
	for _, vague := range []string{"003_9109ec1affdfad66.txt 篇二十 1", "004_780e41bcc3e266cf.txt 一.2", "004_780e41bcc3e266cf.txt 二(一)", "001_ed061126aded40bc.txt 五.三.9.1"} {
		file, clause, _ := strings.Cut(vague, " ")
		if pos, err := resolveClause(texts[file], clause); err == nil {
			t.Errorf("%s resolves (to %.40q): want it refused as vague", vague, texts[file][pos:])
		} else {
			t.Logf("%s: %v", vague, err)
		}
	}
}

// clauseStep is one step of a citation: the ways its marker may be written,
// tried in order (the first found in the part being searched is the one).
type clauseStep struct {
	name string
	alts []markerKind
}

// markerKind is one way of writing a step's marker: its pattern (group 1 is
// the marker itself) and those of the next marker of its level, which ends
// its part (none: the part runs to the end of the enclosing one).
type markerKind struct {
	re       *regexp.Regexp
	siblings []*regexp.Regexp
}

var (
	cnDigits   = "一二三四五六七八九十"
	cnNumber   = regexp.MustCompile(`^[` + cnDigits + `]+$`)
	pianRe     = regexp.MustCompile(`^篇([` + cnDigits + `]+)$`)
	partRe     = regexp.MustCompile(`^第([` + cnDigits + `]+)部分$`)
	dottedRe   = regexp.MustCompile(`^[0-9]+(\.[0-9]+)+$`)
	parenRe    = regexp.MustCompile(`^([0-9]+)\)$`)
	numberRe   = regexp.MustCompile(`^[0-9]+$`)
	cnParenRe  = regexp.MustCompile(`^\(([` + cnDigits + `]+)\)$`)
	splitSteps = regexp.MustCompile(`[.]|\(`)
)

// resolveClause follows a clause ("篇一 處分 一.5", "五.三.4", "第二部分
// 二(一)") in a seed's text and returns where its last step starts.
func resolveClause(text, clause string) (int, error) {
	steps, err := clauseSteps(clause)
	if err != nil {
		return 0, err
	}
	lo, hi := 0, len(text)
	for _, st := range steps {
		var at []int
		var kind markerKind
		for _, k := range st.alts {
			for _, m := range k.re.FindAllStringSubmatchIndex(text[lo:hi], -1) {
				at = append(at, lo+m[2])
			}
			if len(at) > 0 {
				kind = k
				break
			}
		}
		switch len(at) {
		case 0:
			return 0, fmt.Errorf("step %s: not found", st.name)
		case 1:
		default:
			return 0, fmt.Errorf("step %s: found %d times, the citation is ambiguous", st.name, len(at))
		}
		pos := at[0]
		end := hi
		for _, sib := range kind.siblings {
			if m := sib.FindStringSubmatchIndex(text[pos+1 : hi]); m != nil && pos+1+m[2] < end {
				end = pos + 1 + m[2]
			}
		}
		lo, hi = pos+1, end
	}
	return lo - 1, nil
}

// clauseSteps turns a clause into its steps.
func clauseSteps(clause string) ([]clauseStep, error) {
	var parts []string
	toks := strings.Fields(clause)
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		switch {
		case dottedRe.MatchString(tok):
			parts = append(parts, tok) // 4.2.2: a heading number
		case strings.ContainsAny(tok, ".(") && !parenRe.MatchString(tok):
			for j, p := range splitSteps.Split(tok, -1) {
				if j > 0 && strings.HasSuffix(p, ")") {
					p = "(" + p
				}
				parts = append(parts, p)
			}
		case numberRe.MatchString(tok) && i+1 < len(toks) && isTitle(toks[i+1]):
			parts = append(parts, tok+" "+toks[i+1]) // 1 反應及時: item 1, titled
			i++
		default:
			parts = append(parts, tok)
		}
	}
	re := regexp.MustCompile
	one := func(marker, sibling string) []markerKind {
		k := markerKind{re: re(marker)}
		if sibling != "" {
			k.siblings = []*regexp.Regexp{re(sibling)}
		}
		return []markerKind{k}
	}
	var steps []clauseStep
	for _, p := range parts {
		st := clauseStep{name: p}
		num, title, _ := strings.Cut(p, " ")
		notCN := `(?:^|[^` + cnDigits + `])`
		switch {
		case pianRe.MatchString(p):
			n := cnValue(pianRe.FindStringSubmatch(p)[1])
			st.alts = one(`(篇`+cnString(n)+`)(?:[^`+cnDigits+`]|$)`, `(篇`+cnString(n+1)+`)(?:[^`+cnDigits+`]|$)`)
		case partRe.MatchString(p):
			n := cnValue(partRe.FindStringSubmatch(p)[1])
			st.alts = one(`(第`+cnString(n)+`部分)`, `(第`+cnString(n+1)+`部分)`)
		case dottedRe.MatchString(p):
			k := markerKind{re: re(`(?:^|[^0-9.])(` + regexp.QuoteMeta(p) + `)(?:[^0-9.]|$)`)}
			ns := strings.Split(p, ".")
			for j := len(ns) - 1; j >= 0; j-- {
				next := strings.Join(append(append([]string(nil), ns[:j]...), fmt.Sprint(atoi(ns[j])+1)), ".")
				k.siblings = append(k.siblings, re(`(?:^|[^0-9.])(`+regexp.QuoteMeta(next)+`)(?:[^0-9]|$)`))
			}
			st.alts = []markerKind{k}
		case cnNumber.MatchString(p):
			// 001 numbers its sections 五、 and their parts 三): a section
			// marker is looked for first, then a part marker
			next := cnString(cnValue(p) + 1)
			st.alts = append(one(notCN+`(`+p+`、)`, notCN+`(`+next+`、)`), one(notCN+`(`+p+`[)）])`, notCN+`(`+next+`[)）])`)...)
		case cnParenRe.MatchString(p):
			n := cnValue(cnParenRe.FindStringSubmatch(p)[1])
			st.alts = one(`([(（]`+cnString(n)+`[)）])`, `([(（]`+cnString(n+1)+`[)）])`)
		case parenRe.MatchString(p):
			n := atoi(parenRe.FindStringSubmatch(p)[1])
			st.alts = one(fmt.Sprintf(`(?:^|[^0-9])(%d[)）])`, n), fmt.Sprintf(`(?:^|[^0-9])(%d[)）])`, n+1))
		case numberRe.MatchString(num):
			n := atoi(num)
			t := ""
			if title != "" {
				t = `\s*` + regexp.QuoteMeta(title)
			}
			st.alts = one(fmt.Sprintf(`(?:^|[^0-9.])(%d[、.．]%s)`, n, t), fmt.Sprintf(`(?:^|[^0-9.])(%d[、.．])`, n+1))
		case isTitle(p):
			// a heading: a line of its own (日常工作過程。, 二、處分。)
			st.alts = one(`(`+regexp.QuoteMeta(p)+`)[。:：]?\s*\n`, "")
		default:
			return nil, fmt.Errorf("cannot read step %q of %q", p, clause)
		}
		steps = append(steps, st)
	}
	return steps, nil
}

func isTitle(s string) bool {
	return !strings.ContainsAny(s, "0123456789().") && !cnNumber.MatchString(s)
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}

// cnValue reads a Chinese number from 一 to 九十九.
func cnValue(s string) int {
	r := []rune(s)
	digit := func(c rune) int { return strings.IndexRune(cnDigits, c)/3 + 1 }
	switch {
	case len(r) == 1:
		return digit(r[0])
	case len(r) == 2 && r[0] == '十':
		return 10 + digit(r[1])
	case len(r) == 2:
		return digit(r[0]) * 10
	case len(r) == 3:
		return digit(r[0])*10 + digit(r[2])
	}
	return 0
}

// cnString writes a number from 1 to 99 in Chinese.
func cnString(n int) string {
	d := []rune(cnDigits)
	switch {
	case n <= 10:
		return string(d[n-1])
	case n < 20:
		return "十" + string(d[n-11])
	case n%10 == 0:
		return string(d[n/10-1]) + "十"
	}
	return string(d[n/10-1]) + "十" + string(d[n%10-1])
}
