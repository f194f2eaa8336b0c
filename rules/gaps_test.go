package rules_test

import (
	"testing"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/rules"
)

// gapCase is one chat and whether a built-in rule flags it: a sentence is
// one message of role, a transcript ("customer: …" a line) is read as the
// rule examples are.
type gapCase struct {
	rule string // pack/id
	role lint.Role
	chat string
	want bool
}

// TestRuleGaps holds the gaps earlier reviews of the built-in packs left,
// each in sentences of its own: what a rule missed, and what it must still
// let pass.
func TestRuleGaps(t *testing.T) {
	cases := []gapCase{
		// ecommerce/negative-language in Cantonese (003 篇二十 11: 我不能、我不會、
		// 我不願意、我不可以), and 也 / 都 before the negation
		{"ecommerce/negative-language", lint.Agent, "呢个价钱我唔可以再减", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會幫你改單", true},
		{"ecommerce/negative-language", lint.Agent, "我唔識搞退款，你問返商家", true},
		{"ecommerce/negative-language", lint.Agent, "呢樣我都唔願意做", true},
		{"ecommerce/negative-language", lint.Agent, "这个颜色我们也不可以换", true},
		{"ecommerce/negative-language", lint.Agent, "放心，我哋唔會寄錯貨", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會唔理你嘅", false},
		{"ecommerce/negative-language", lint.Agent, "如果我哋唔可以準時寄出，會通知你", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以保證聽日送到，一般兩日", false},
		// …and a condition said with 的话 / 嘅话 after it, as with 如果 before
		// it; a refusal in a clause of its own before one still is one
		{"ecommerce/negative-language", lint.Agent, "我们不能按时发货的话，会提前通知您", false},
		{"ecommerce/negative-language", lint.Agent, "我不能改的话，会帮您申请退款", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以準時寄出嘅話，會通知你", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能改，您要退的话我帮您申请", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以改，你要退嘅話我幫你申請", true},
		// …and so without punctuation, where 您 / 你 starts the clause of the
		// 的话 before a modal, an adverb or a conjunction (您要退的话); the
		// 您 the refused verb takes (改您地址) is inside the condition
		{"ecommerce/negative-language", lint.Agent, "我们不能改您要退的话我帮您申请", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能改您还要的话可以退", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以改你要退嘅話我幫你申請", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能改您地址的话，可以拒收", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以改你地址嘅話，可以拒收", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能改您想要的颜色的话，可以退款", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能改您要的话可以退", true},
		// …and so do the address 亲 and the conjunctions 如 / 若 (如果, 如需),
		// but not 亲自 or 如期, inside the condition
		{"ecommerce/negative-language", lint.Agent, "我们不能改亲要退的话我帮您申请", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能改如果要退的话我帮您申请", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以改如果要退嘅話我幫你申請", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能如期发货的话，会通知您", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能亲自上门的话，会安排快递员", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能如常发货的话，会提前通知您", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能如数退还的话，会给您补偿", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能亲身上门的话，会安排师傅", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以如常寄出嘅話，會通知你", false},
		// (…also where the word ends the window, just before 的话)
		{"ecommerce/negative-language", lint.Agent, "我们不能亲签的话，会放在驿站", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能亲收的话会放在驿站", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能如期的话，会提前通知您", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以親收嘅話，會放喺驛站", false},
		// …but 的话 / 嘅话 after what was said is words, no condition
		{"ecommerce/negative-language", lint.Agent, "我不能理解您说的话", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能理解您的话", true},
		{"ecommerce/negative-language", lint.Agent, "我不会说那样的话", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會講咁嘅話", true},
		{"ecommerce/negative-language", lint.Agent, "我唔可以理解你講嘅話", true},
		{"ecommerce/negative-language", lint.Agent, "我不能帮您的话，会请同事跟进", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以同你改嘅話，會幫你申請退款", false},
		// …and after a pronoun only where a verb of hearing or understanding
		// takes it (理解您的话, 相信您的话, 听您的话); after another verb the
		// pronoun is whom it is done to, and 的话 the condition
		{"ecommerce/negative-language", lint.Agent, "我们不能联系您的话，会给您发短信", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能及时回复您的话，会给您留言", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以聯絡你嘅話，會發短訊畀你", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能通知到他的话，会再打一次", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能相信您的话", true},
		{"ecommerce/negative-language", lint.Agent, "我不能听您的话", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能确认您的话，请您提供截图", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以相信你嘅話", true},
		// (…and after 转达 / 传达 / 表达 / 重复, verbs of words that end as 送达 /
		// 回复 do, the pronoun's 的话 is words; 回覆 is 回复)
		{"ecommerce/negative-language", lint.Agent, "我们不能转达您的话", true},
		{"ecommerce/negative-language", lint.Agent, "我不能传达你的话，请您直接联系快递", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能重复您的话", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以轉達你嘅話", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能及时答复您的话，会给您留言", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以即時回覆你嘅話，會發短訊畀你", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能按时送达他的话，会再联系", false},
		// (…and after 嘱咐 / 吩咐 / 叮嘱, verbs of words as 说 / 讲 are, 的话 is
		// what was bidden)
		{"ecommerce/negative-language", lint.Agent, "我们不能转达您嘱咐的话", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能转达您吩咐的话，请您直接联系快递员", true},
		{"ecommerce/negative-language", lint.Agent, "我不能照您叮嘱的话去做", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以轉達你吩咐嘅話", true},
		// (…also with 过 between, as 您说过的话 is words: 您 / 你 before
		// 嘱咐 / 吩咐 / 叮嘱 whoever speaks, but not 为您 before them, for
		// whom it is done: 我们不能为您叮嘱快递员的话 is a condition)
		{"ecommerce/negative-language", lint.Agent, "我们不能转达您吩咐过的话", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能照您叮嘱过的话去做", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以轉達你吩咐過嘅話", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能为您叮嘱快递员的话，会留言", false},
		// (…and after 您交代 / 您交待, what the customer told: 交 after 您 / 你
		// but in 交代 / 交待 is paying or handing in, inside the condition,
		// and 交代 without 您 before it is accounting for, a condition too)
		{"ecommerce/negative-language", lint.Agent, "我们不能转达您交代的话", true},
		{"ecommerce/negative-language", lint.Agent, "我不能照你交代过的话去做", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能照您交待的话去做", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以轉達你交代嘅話", true},
		{"ecommerce/negative-language", lint.Agent, "我们不能退您交的押金的话，会给您补偿", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能交代的话，会上报", false},
		// (…nor after 向 / 跟 / 对 / 和 / 与, whom the thing is done to, where
		// 交代 is accounting for, as after 给您: a condition, while 说 / 讲
		// after the pronoun are still words)
		{"ecommerce/negative-language", lint.Agent, "我们不能向您交代的话，会请主管联系您", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能跟你交代清楚的话，会请主管联系你", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能对您交待的话，会上报", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以向你交代嘅話，會搵主管聯絡你", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能跟您确认的话，会先暂停发货", false},
		{"ecommerce/negative-language", lint.Agent, "我们不能给您交代的话，会请主管联系您", false},
		{"ecommerce/negative-language", lint.Agent, "我不能收回跟您说过的话", true},
		{"ecommerce/negative-language", lint.Agent, "我不能重复跟你讲过的话", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會主動問你拎密碼", false},
		// 畀 is 给 as well as 让: a refund or a discount not given is a
		// refusal, and so is goods not taken back (收 without 钱 / 费); 我地
		// is how Hong Kong types 我哋; sympathy is no refusal
		{"ecommerce/negative-language", lint.Agent, "我哋唔可以畀你退款", true},
		{"ecommerce/negative-language", lint.Agent, "我唔可以畀折扣你", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會畀你退貨", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會收返件貨", true},
		{"ecommerce/negative-language", lint.Agent, "我地唔可以改地址", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會畀你蝕底", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會收你額外費用", false},
		{"ecommerce/negative-language", lint.Agent, "放心，我地唔會寄錯貨", false},
		{"ecommerce/negative-language", lint.Agent, "我们也不愿意看到这样的情况", false},
		{"ecommerce/negative-language", lint.Agent, "我哋都唔願意見到咁嘅情況", false},
		{"ecommerce/negative-language", lint.Agent, "我们也不愿意帮您改", true},
		// …and reassurance said as such (放心, 不用担心, 唔使担心, 没问题 /
		// 冇问题 before 我们不会 / 我哋唔会, or 放心 after it) is none, whatever
		// is promised not to happen; a refusal after 放心 still is one
		{"ecommerce/negative-language", lint.Agent, "您放心，我们不会取消您的订单", false},
		{"ecommerce/negative-language", lint.Agent, "唔使擔心，我哋唔會扣你錢", false},
		{"ecommerce/negative-language", lint.Agent, "冇問題，我哋唔會取消你張單", false},
		{"ecommerce/negative-language", lint.Agent, "没问题，我们不会取消您的订单", false},
		{"ecommerce/negative-language", lint.Agent, "放心吧亲，我们不会把您的订单取消的", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会扣您的钱的，请您放心", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會取消你張單，放心", false},
		{"ecommerce/negative-language", lint.Agent, "放心，我哋唔可以改", true},
		{"ecommerce/negative-language", lint.Agent, "您不放心的话我们不会帮您改", true},
		// …nor a service the customer wants, refused for them or not
		// (退 换 补 赔 处理 负责 办 修), which 放心 beside it does not make
		// a reassurance; what they fear (取消, 扣钱, 修改) still is one
		{"ecommerce/negative-language", lint.Agent, "我们不会帮您退款，您不用担心这个", true},
		{"ecommerce/negative-language", lint.Agent, "放心，我们不会给您补发的", true},
		{"ecommerce/negative-language", lint.Agent, "没问题，我们不会再给您补发了", true},
		{"ecommerce/negative-language", lint.Agent, "我们不会赔偿的，您放心", true},
		{"ecommerce/negative-language", lint.Agent, "这个没问题，我们不会退的", true},
		{"ecommerce/negative-language", lint.Agent, "我们不会处理的，放心吧", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會幫你退款，唔使擔心", true},
		{"ecommerce/negative-language", lint.Agent, "唔使擔心，我哋唔會同你換貨", true},
		{"ecommerce/negative-language", lint.Agent, "您放心，我们不会修改您的地址", false},
		{"ecommerce/negative-language", lint.Agent, "放心，我们不会给您取消订单的", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会的，请您放心", false},
		{"ecommerce/negative-language", lint.Agent, "您放心，我们不会", false},
		// …and the customer's money not taken (扣 / 收 of their money or a
		// fee) is a reassurance without 放心, as 我们不会多收 / 乱扣 were;
		// money not given back (退 / 赔) is still refused
		{"ecommerce/negative-language", lint.Agent, "我们不会扣您的钱", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会扣您钱的", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会扣费", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会扣款的，请留意银行通知", false},
		{"ecommerce/negative-language", lint.Agent, "我不会收您钱的", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会收费的", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会收取费用", false},
		{"ecommerce/negative-language", lint.Agent, "我们也不会扣除您的余额", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會扣你錢", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会给您退钱", true},
		{"ecommerce/negative-language", lint.Agent, "我们不会退您的钱", true},
		{"ecommerce/negative-language", lint.Agent, "我们不会赔您钱", true},
		{"ecommerce/negative-language", lint.Agent, "我们不会收回这件商品", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會退你錢", true},
		// …and so is a named fee (手续费, 运费 …), or money 扣除 (deducted)
		// without 您 before it, in Cantonese as in Mandarin; a fee refunded
		// or compensation is still refused
		{"ecommerce/negative-language", lint.Agent, "我们不会收您手续费", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会收您的运费", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会扣除运费", false},
		{"ecommerce/negative-language", lint.Agent, "我们也不会扣您的服务费", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會扣除你嘅餘額", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會收你嘅手續費", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会给您退运费", true},
		{"ecommerce/negative-language", lint.Agent, "我们不会退您手续费", true},
		{"ecommerce/negative-language", lint.Agent, "我们不会赔", true},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會退運費畀你", true},
		// …and so is any fee, or one taken again or besides (收您任何费用,
		// 额外的费用, 再收您运费, 另外收费, 向您收取费用, 我哋唔會收你任何費用),
		// while money given back still is not (再退您运费)
		{"ecommerce/negative-language", lint.Agent, "我们不会收您任何费用", false},
		{"ecommerce/negative-language", lint.Agent, "我们也不会收您额外的费用", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会再收您运费", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会另外收费", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会向您收取费用", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会扣您任何费用", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會收你任何費用", false},
		{"ecommerce/negative-language", lint.Agent, "我哋唔會再收你運費", false},
		{"ecommerce/negative-language", lint.Agent, "我们不会再退您运费", true},
		{"ecommerce/negative-language", lint.Agent, "我们不会再收您的货", true},
		{"ecommerce/negative-language", lint.Agent, "我们不会另外给您补偿", true},
		// base/evasive-phrase: helpless in Cantonese (冇办法, 帮唔到, 做唔到;
		// Hong Kong also writes 沒辦法), as 我们也没办法 is in Mandarin
		{"base/evasive-phrase", lint.Agent, "呢個我哋都冇辦法", true},
		{"base/evasive-phrase", lint.Agent, "我哋真係冇辦法㗎", true},
		{"base/evasive-phrase", lint.Agent, "呢個我哋冇辦法㗎", true},
		{"base/evasive-phrase", lint.Agent, "快遞嘅事我都冇辦法", true},
		{"base/evasive-phrase", lint.Agent, "我哋都沒辦法，你問速遞啦", true},
		{"base/evasive-phrase", lint.Agent, "呢樣我哋都幫唔到你", true},
		{"base/evasive-phrase", lint.Agent, "我哋冇辦法直接改，可以幫你申請", false},
		{"base/evasive-phrase", lint.Agent, "我哋都冇辦法嘅話，會幫你轉介售後", false},
		{"base/evasive-phrase", lint.Agent, "这个我都没办法", true},
		{"base/evasive-phrase", lint.Agent, "你係咪冇辦法登入？我教你", false},
		// …都 where the helpless word ends its clause: 我们都 is also "all of
		// us" and 都 "even", so before a verb it is no helplessness
		{"base/evasive-phrase", lint.Agent, "我都没办法啊，系统就是这样", true},
		{"base/evasive-phrase", lint.Agent, "我们都帮不了您，您找快递吧", true},
		{"base/evasive-phrase", lint.Agent, "我地都冇辦法喎", true},
		{"base/evasive-phrase", lint.Agent, "您放心，我们都没办法看到您的密码", false},
		{"base/evasive-phrase", lint.Agent, "放心，我哋都冇辦法睇到你嘅密碼", false},
		{"base/evasive-phrase", lint.Agent, "我都没办法想象您有多着急，马上帮您催", false},
		{"base/evasive-phrase", lint.Agent, "这个我都没办法保证，但会尽力帮您催", false},
		{"base/evasive-phrase", lint.Agent, "我们都没办法直接改地址，您可以申请修改", false},
		{"base/evasive-phrase", lint.Agent, "我哋都冇辦法嘅時候會幫你轉介", false},
		// callcenter/refusal-apology in Cantonese (001 五.三.8): a bare refusal
		// without apology, as 没办法了 / 改不了 are in Mandarin; 唔好意思
		// (不好意思) is no apology, 对唔住 (对不起) is
		{"callcenter/refusal-apology", lint.Agent, "没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法喇", true},
		{"callcenter/refusal-apology", lint.Agent, "冇得改喇", true},
		{"callcenter/refusal-apology", lint.Agent, "呢個我哋冇辦法㗎", true},
		{"callcenter/refusal-apology", lint.Agent, "唔得", true},
		{"callcenter/refusal-apology", lint.Agent, "張單已經出咗倉，取消唔到喇", true},
		{"callcenter/refusal-apology", lint.Agent, "呢款唔支持退貨", true},
		{"callcenter/refusal-apology", lint.Agent, "我哋唔可以同你改地址", true},
		{"callcenter/refusal-apology", lint.Agent, "我哋冇辦法直接改，可以幫你申請", true},
		{"callcenter/refusal-apology", lint.Agent, "唔好意思，改唔到喇", true},
		{"callcenter/refusal-apology", lint.Agent, "對唔住，冇辦法喇", false},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，冇得改喇", false},
		{"callcenter/refusal-apology", lint.Agent, "真係對唔住，呢款唔支持退貨", false},
		// …not under a condition, of the customer's own trouble, a hedge, a
		// warning before a cancellation, nor 唔得闲 (busy), 得唔得 (asks)
		{"callcenter/refusal-apology", lint.Agent, "如果重啟都唔得，可以搵售後", false},
		{"callcenter/refusal-apology", lint.Agent, "如果改唔到，我幫你申請退款", false},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法嘅話，我哋幫你轉介售後", false},
		{"callcenter/refusal-apology", lint.Agent, "你係咪冇辦法登入？", false},
		{"callcenter/refusal-apology", lint.Agent, "預計七日內有貨，具體時間我哋都冇辦法確定", false},
		{"callcenter/refusal-apology", lint.Agent, "取消咗就冇辦法恢復㗎，你確定要取消嗎", false},
		{"callcenter/refusal-apology", lint.Agent, "唔得閒覆你，遲啲再講", false},
		{"callcenter/refusal-apology", lint.Agent, "得唔得呀？", false},
		// …and 同 is "with" in Mandarin: 无法同您 is no refusal of its own
		{"callcenter/refusal-apology", lint.Agent, "快递员说一直无法同您取得联系", false},
		// …nor an A-not-A question, which asks whether it can be done: an
		// agent offering to find out (我幫你睇下有冇辦法改) refuses nothing,
		// in Cantonese (有冇辦法, 有冇得, 可唔可以, 支唔支持) as in Mandarin
		// (有没有办法, 可不可以, 支不支持; 能不能 was already none); the refusal
		// that answers it still is one
		{"callcenter/refusal-apology", lint.Agent, "我幫你睇下有冇辦法改", false},
		{"callcenter/refusal-apology", lint.Agent, "我睇下有冇辦法幫你取消", false},
		{"callcenter/refusal-apology", lint.Agent, "我幫你問下倉庫有冇得改", false},
		{"callcenter/refusal-apology", lint.Agent, "我睇下可唔可以幫你改", false},
		{"callcenter/refusal-apology", lint.Agent, "可唔可以提供訂單號畀我？", false},
		{"callcenter/refusal-apology", lint.Agent, "你部機支唔支持退貨？", false},
		{"callcenter/refusal-apology", lint.Agent, "我帮您看看有没有办法修改", false},
		{"callcenter/refusal-apology", lint.Agent, "我帮您看看可不可以改", false},
		{"callcenter/refusal-apology", lint.Agent, "我们这边可不可以为您开发票，需要核实一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您问支不支持退货，这款支持的", false},
		{"callcenter/refusal-apology", lint.Agent, "我問咗倉庫有冇得改，冇得改喇", true},
		{"callcenter/refusal-apology", lint.Agent, "帮您问了可不可以改，不可以改的亲", true},
		{"callcenter/refusal-apology", lint.Agent, "这个可不能退哦", true},
		// …and a bare refusal after 不好意思 (唔好意思), which 001 五.五.4
		// replaces with 非常抱歉: no apology, so the refusal is found after it
		// (JDDC: 不好意思咱们这边没有办法的 …)
		{"callcenter/refusal-apology", lint.Agent, "不好意思，没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "不好意思咱们这边没有办法的 咱们这边最晚可以延期到[金额x]号的", true},
		{"callcenter/refusal-apology", lint.Agent, "亲，不好意思哈，这个不支持的哦", true},
		{"callcenter/refusal-apology", lint.Agent, "不好意思亲 不可以的", true},
		{"callcenter/refusal-apology", lint.Agent, "唔好意思，冇辦法喇", true},
		{"callcenter/refusal-apology", lint.Agent, "唔好意思，唔得", true},
		// …also with 很 / 真的 / 实在 / 非常 on it, still 不好意思
		{"callcenter/refusal-apology", lint.Agent, "很不好意思，没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "实在不好意思，这个不支持的", true},
		{"callcenter/refusal-apology", lint.Agent, "真的不好意思哈，不可以的", true},
		{"callcenter/refusal-apology", lint.Agent, "非常不好意思，没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "真係唔好意思，冇辦法喇", true},
		{"callcenter/refusal-apology", lint.Agent, "实在不好意思，让您久等了", false},
		{"callcenter/refusal-apology", lint.Agent, "非常不好意思，非常抱歉，没办法了", false},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，咱们这边没有办法的", false},
		{"callcenter/refusal-apology", lint.Agent, "不好意思，让您久等了，已经帮您改好了", false},
		{"callcenter/refusal-apology", lint.Agent, "不好意思，如果还是不行您再联系我", false},
		// …nor a refusal word before 的话 / 嘅话 (a condition), a statement of
		// which goods are marked so, or a question asked or quoted back; a
		// refusal said beside them still is one
		{"callcenter/refusal-apology", lint.Agent, "不能改的话，我帮您申请退款", false},
		{"callcenter/refusal-apology", lint.Agent, "没办法改的话可以拒收", false},
		{"callcenter/refusal-apology", lint.Agent, "无法为您修改地址的话，可以联系快递员", false},
		{"callcenter/refusal-apology", lint.Agent, "唔可以改嘅話，我幫你申請退款", false},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法改嘅話可以拒收", false},
		{"callcenter/refusal-apology", lint.Agent, "不能退的商品会标明", false},
		{"callcenter/refusal-apology", lint.Agent, "不支持七天无理由退货的商品详情页会有提示", false},
		{"callcenter/refusal-apology", lint.Agent, "唔可以退嘅貨品會標明", false},
		{"callcenter/refusal-apology", lint.Agent, "冇得退嘅商品會註明", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不能改？", false},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗", false},
		{"callcenter/refusal-apology", lint.Agent, "点解唔可以改？", false},
		{"callcenter/refusal-apology", lint.Agent, "點解改唔到？", false},
		{"callcenter/refusal-apology", lint.Agent, "这个不能改，您要退的话我帮您申请", true},
		{"callcenter/refusal-apology", lint.Agent, "这是不能退的商品哦", true},
		{"callcenter/refusal-apology", lint.Agent, "这个商品不能退的详情页有说明", true},
		{"callcenter/refusal-apology", lint.Agent, "呢件係唔可以退嘅貨品，你睇下", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么不能改呢？因为订单已经出库了，无法修改", true},
		{"callcenter/refusal-apology", lint.Agent, "我跟您解释一下为什么无法修改：订单已出库", true},
		// …nor one the agent answers at once, a rhetorical question (the
		// question ends the message, or asks with 吗 after 问), nor a
		// statement of why with a particle on it
		{"callcenter/refusal-apology", lint.Agent, "为什么不能改呢？因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "亲，为什么不能改呢 订单已经出库了哦", true},
		{"callcenter/refusal-apology", lint.Agent, "为啥不能退啊，因为是定制商品", true},
		{"callcenter/refusal-apology", lint.Agent, "點解唔可以改呀？因為已經出咗倉", true},
		{"callcenter/refusal-apology", lint.Agent, "这就是为什么不能改的原因啊", true},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗？是的话我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "亲，为什么不能改呢？", false},
		// …and so does 为什么不行 answered at once with why (因为 / 由于 in
		// the next clause, after an address or a yes at most): the refusal
		// 不行 (001 五.五.4: 无法帮到您) said again with its reason; asked
		// alone, quoted back, or followed by help, it refuses nothing
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "为啥不行，因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "亲，为什么不行呢？亲，这边是因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢 是的 由于是定制商品", true},
		{"callcenter/refusal-apology", lint.Agent, "點解唔得呀？因為已經出咗倉", true},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行吗？因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，为什么不行呢？因为活动已经结束了", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？", false},
		{"callcenter/refusal-apology", lint.Agent, "您说为什么不行？我帮您看一下", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？我帮您查一下原因", false},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不行吗", false},
		// (…and so do the other bare refusals, 不可以 / 没办法 / 唔可以, but
		// not 不支持, which says what a product does)
		{"callcenter/refusal-apology", lint.Agent, "为什么不可以呢？亲，因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么没办法呢？由于订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "點解唔可以呀？因為已經出咗倉", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么不支持呢？因为这款是老型号", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不可以呢？", false},
		// (…but answered with a guess, it works out why something does not
		// work: no refusal)
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？可能是因为网络的问题，您重启试试", false},
		{"callcenter/refusal-apology", lint.Agent, "您试了为什么不行呢？应该是因为缓存，清一下就好", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？亲，估计是因为系统延迟", false},
		{"callcenter/refusal-apology", lint.Agent, "點解唔得呀？可能因為網絡問題", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？因为活动已经结束了，可能要等下次活动", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么不能改呢？可能是因为订单已经出库了", true},
		// (…and so asked with 怎么, and after up to three short clauses, an
		// address, a filler and a yes; 怎么都不能 is no question)
		{"callcenter/refusal-apology", lint.Agent, "怎么不行呢？因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "怎么不可以呢？亲，因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？亲，是的，因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？亲，嗯，是的，因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "怎么不行呢？", false},
		{"callcenter/refusal-apology", lint.Agent, "怎么不行呢？我帮您查一下原因", false},
		{"callcenter/refusal-apology", lint.Agent, "怎么不行呢？可能是因为网络的问题，您重启试试", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？亲，嗯，是的，估计是因为系统延迟", false},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，怎么不行呢？因为活动已经结束了", false},
		{"callcenter/refusal-apology", lint.Agent, "这个怎么都不能退呢", true},
		// (…and answered with a refusal as its reason, no 因为: 系统不支持 /
		// 这个活动不能叠加的 says why as 因为系统不支持 does; a guess, a
		// question back, the customer's own (您不能…) or help is none)
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？系统不支持", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？系统不支持这个操作", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？亲，系统暂时不支持这个操作哦", true},
		{"callcenter/refusal-apology", lint.Agent, "怎么不可以呢？这个活动不能叠加的", true},
		{"callcenter/refusal-apology", lint.Agent, "咋不行呢？系统不支持", true},
		{"callcenter/refusal-apology", lint.Agent, "點解唔得呀？系統唔支持", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，为什么不行呢？系统不支持", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？系统不支持吗？", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？系统不支持？", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？可能系统不支持", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？是不是系统不支持", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？您不能用这个券吗", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？我帮您查一下", false},
		// (…nor a condition or a warning, before it or after it, or a
		// question back with 吧)
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？如果系统不支持就换个方式试试", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？假如系统不支持，可以换个浏览器", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？系统不支持的话可以换个方式", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？一旦取消就无法恢复了", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？显示无法连接对吧", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？系统不支持，您换个方式吧", true},
		// …and the reason told as 原因是 as with 因为, asked back or quoted
		// back (您问为什么不行吗？因为… is one since e039704), but not 原因是什么
		// asked
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？原因是活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行吗？原因是活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行吗？因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？原因是什么呢", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？原因是不是网络问题", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？原因是否和网络有关，您重启路由器试试", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？原因是哪方面的，您发个截图我看看", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？原因是怎样的，我帮您查一下", false},
		// …and with a colon after 原因是, as the reason is set out in writing
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？原因是：活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不可以吗？原因是:超过七天无理由退货期了", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，为什么不行呢？原因是：活动已经结束了", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行呢？原因是：什么呢", false},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，为什么不行呢？原因是活动已经结束了", false},
		// …and so with a tag question on the question quoted back (是吧 /
		// 对吧 / 是吗, Cantonese 系咪), while asked alone, followed by help or
		// answered with a guess it refuses nothing
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行是吧？因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不可以对吧？亲，因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能退款是吗？原因是超过七天了", true},
		{"callcenter/refusal-apology", lint.Agent, "你問點解唔得係咪？因為已經出咗倉", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，您问为什么不行是吧？因为活动已经结束了", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行是吧？", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行是吧？我帮您看一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行是吧？可能是网络的问题，您重启试试", false},
		// (the guess after the tag question, 可能是因为… / 应该是系统不支持…,
		// where the refusal pattern takes the tag too)
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行是吧？可能是因为网络的问题，您重启试试", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行对吧？应该是系统不支持，您换个浏览器", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行是吧？原因是什么呢", false},
		// (…and the tag questions 是不是 / 对不对 / 系唔系 as 是吧 / 对吧 /
		// 系咪: asked back and answered with why, a finding; alone, followed
		// by help or a guess, none)
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行是不是？因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不可以对不对？亲，因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "你問點解唔得係唔係？因為已經出咗倉", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，您问为什么不行是不是？因为活动已经结束了", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行是不是？", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行对不对？我帮您看一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行是不是？可能是因为网络的问题，您重启试试", false},
		{"callcenter/refusal-apology", lint.Agent, "为什么不行对不对？应该是系统不支持，您换个浏览器", false},
		// a bare 没办法 (nothing can be done) after 就 gives up on what the
		// customer asked, under a condition too: 要是系统不支持就没办法了 (no
		// apology) is a refusal, where a condition that says what it rules out
		// (…就没办法修改了, as 如果…的话…换不了) or help (要是不行的话我再帮您申请),
		// a warning (否则就没办法了) or a question (那就没办法了吗？) is none
		{"callcenter/refusal-apology", lint.Agent, "要是系统不支持就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "如果系统不支持就没有办法了哦", true},
		{"callcenter/refusal-apology", lint.Agent, "这个就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "那就没法了亲", true},
		{"callcenter/refusal-apology", lint.Agent, "如果还是不行的话，那就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "如果系统不支持的话就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "如果系統唔支持就冇辦法喇", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，要是系统不支持就没办法了", false},
		{"callcenter/refusal-apology", lint.Agent, "要是不行的话我再帮您申请", false},
		{"callcenter/refusal-apology", lint.Agent, "要是系统不支持就没办法修改了", false},
		{"callcenter/refusal-apology", lint.Agent, "如果系统不支持的话就没办法修改了", false},
		{"callcenter/refusal-apology", lint.Agent, "请您尽快付款，否则就没办法了", false},
		{"callcenter/refusal-apology", lint.Agent, "您先试试，不然就没办法了", false},
		{"callcenter/refusal-apology", lint.Agent, "那就没办法了吗？", false},
		{"callcenter/refusal-apology", lint.Agent, "系统说“这个就没办法了”", false},
		// …nor a warning of a deadline or of what would end the chance,
		// urging the customer on (晚了 / 过了… / 错过… / 一旦…), while a
		// deadline passed (已经晚了 / 已经过了… / 超过了…) refuses
		{"callcenter/refusal-apology", lint.Agent, "晚了就没办法了", false},
		{"callcenter/refusal-apology", lint.Agent, "过了今天就没办法了，您尽快下单哦", false},
		{"callcenter/refusal-apology", lint.Agent, "过了今天就没办法了, 您尽快下单哦", false},
		{"callcenter/refusal-apology", lint.Agent, "再晚就没办法了哦，您抓紧时间", false},
		{"callcenter/refusal-apology", lint.Agent, "错过这次活动就没办法了", false},
		{"callcenter/refusal-apology", lint.Agent, "一旦发货就没办法了，您尽快决定哦", false},
		{"callcenter/refusal-apology", lint.Agent, "已经晚了就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "已经过了七天了就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "超过了七天就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "超过七天就没办法了", true},
		// (…and 已经 before 太晚 / 错过 too, or the deadline told passed by
		// 了 after it, while 错过了就没办法了哦 warns)
		{"callcenter/refusal-apology", lint.Agent, "已经太晚了就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "时间已经太晚了就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "过了七天了就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "您这个订单过了保修期了就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "早就过了七天了就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "已经错过了就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "您错过活动时间了就没办法了", true},
		{"callcenter/refusal-apology", lint.Agent, "错过了就没办法了哦，您抓紧时间", false},
		{"callcenter/refusal-apology", lint.Agent, "过了今天晚上十二点就没办法了", false},
		{"callcenter/refusal-apology", lint.Agent, "太晚就没办法了，您尽快下单", false},
		// …and 办不了 (办 the verb alone, as 办理不了 is read), after a fault
		// given as the reason: 机器坏了，办不了; not under a condition, asked,
		// or after 非常抱歉
		{"callcenter/refusal-apology", lint.Agent, "机器坏了，办不了", true},
		{"callcenter/refusal-apology", lint.Agent, "系统故障了，暂时办不了哦", true},
		{"callcenter/refusal-apology", lint.Agent, "部機壞咗，辦唔到", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，机器坏了，办不了", false},
		{"callcenter/refusal-apology", lint.Agent, "如果办不了，我帮您转人工", false},
		{"callcenter/refusal-apology", lint.Agent, "您那边办不了的话可以来门店", false},
		{"callcenter/refusal-apology", lint.Agent, "是机器坏了办不了吗？", false},
		// …and a refusal asked with ？ as the message starts (after an
		// address, the verb or 您说 at most) is the customer's echoed back or
		// asked about, no refusal: 办不了？您把截图发我看看, while one told, a
		// 为什么 / 怎么 / 咋 / 点解 asked back and answered, and a refusal
		// before a question in the next clause still are
		{"callcenter/refusal-apology", lint.Agent, "办不了？您把截图发我看看", false},
		{"callcenter/refusal-apology", lint.Agent, "办不了呢？您把截图发我看看", false},
		{"callcenter/refusal-apology", lint.Agent, "亲，改不了？您把截图发我看看", false},
		{"callcenter/refusal-apology", lint.Agent, "不行？您把截图发我看看", false},
		{"callcenter/refusal-apology", lint.Agent, "不能退款？您截图我看看", false},
		{"callcenter/refusal-apology", lint.Agent, "无法为您取消？您再刷新一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您说办不了？我帮您看看", false},
		{"callcenter/refusal-apology", lint.Agent, "辦唔到？你影張相畀我睇下", false},
		{"callcenter/refusal-apology", lint.Agent, "办不了，您把截图发我看看", true},
		{"callcenter/refusal-apology", lint.Agent, "不能退款，您看可以吗？", true},
		{"callcenter/refusal-apology", lint.Agent, "为什么无法为您取消呢？因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "这个订单为什么不能取消？因为已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "咋不行呢？因为活动已经结束了", true},
		// (an ellipsis, a semicolon or a colon ends the refusal's clause as
		// a comma does: the question after it is another; 办不了…？ asks)
		{"callcenter/refusal-apology", lint.Agent, "改不了…您看行吗？", true},
		{"callcenter/refusal-apology", lint.Agent, "不行哦…换一个吧？", true},
		{"callcenter/refusal-apology", lint.Agent, "退不了；换货可以吗？", true},
		{"callcenter/refusal-apology", lint.Agent, "亲，退不了：您看换货吗？", true},
		{"callcenter/refusal-apology", lint.Agent, "办不了…？您把截图发我看看", false},
		// (…and so after more words of the customer's in its clause, 您的意思是 /
		// 这个 / 这个订单, or asked with 吗 and no question mark, 不能退款吗 您截图…;
		// not after a question word, 这个订单为什么不能取消？因为…, nor where
		// the refusal's clause ends before the question, 这个改不了，您看换一个行吗？)
		{"callcenter/refusal-apology", lint.Agent, "您的意思是不能退款？我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "这个改不了？我帮您看看", false},
		{"callcenter/refusal-apology", lint.Agent, "亲，这个订单取消不了吗？您刷新一下", false},
		{"callcenter/refusal-apology", lint.Agent, "不能退款吗 您截图我看看", false},
		{"callcenter/refusal-apology", lint.Agent, "您说改不了吗，我帮您看看", false},
		{"callcenter/refusal-apology", lint.Agent, "这个改不了，您看换一个行吗？", true},
		{"callcenter/refusal-apology", lint.Agent, "这个订单不能退款，您看换货吗？", true},
		// (…nor where 您 / 你 before a modal or an adverb starts the next
		// clause without punctuation, as c2997fa's comma does: 改不了您看行吗？;
		// 您 the refused verb takes goes on, 无法为您取消？ / 改不了您的地址？ ask)
		{"callcenter/refusal-apology", lint.Agent, "改不了您看行吗？", true},
		{"callcenter/refusal-apology", lint.Agent, "改不了你看换个颜色行不", true},
		{"callcenter/refusal-apology", lint.Agent, "退不了您可以申请换货", true},
		{"callcenter/refusal-apology", lint.Agent, "这个取消不了您再等等吧", true},
		{"callcenter/refusal-apology", lint.Agent, "不能退款您看换货可以吗？", true},
		{"callcenter/refusal-apology", lint.Agent, "改不了您的地址？我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "不能给您退款？您再确认一下", false},
		{"callcenter/refusal-apology", lint.Agent, "改不了的话您看怎么办", false},
		// (…while 您 / 你 after 为 / 给 / 帮 / 替, whom the refused verb
		// serves, goes on in the echoed clause before 再 / 换 / 现 / 先)
		{"callcenter/refusal-apology", lint.Agent, "您说不能给您换货？我帮您看看", false},
		{"callcenter/refusal-apology", lint.Agent, "您是说无法为您换货吗？我帮您问一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您是说无法为您再次修改？我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您的意思是无法为您现在发货？我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "不能帮你先退款？您截图我看看", false},
		{"callcenter/refusal-apology", lint.Agent, "无法为您换货，您看退款可以吗？", true},
		// (…nor a refusal with a particle before its ？ ending the message,
		// the address after it at most: the agent's own, said with a rising
		// tone; 吗 / 吧 / 啊 ask, and words after it look into the claim)
		{"callcenter/refusal-apology", lint.Agent, "亲，这边不能改地址呢？", true},
		{"callcenter/refusal-apology", lint.Agent, "退不了哦？亲", true},
		{"callcenter/refusal-apology", lint.Agent, "这边不支持退款的哈？", true},
		{"callcenter/refusal-apology", lint.Agent, "暂时无法发货呢？", true},
		{"callcenter/refusal-apology", lint.Agent, "这个不能改呢？亲爱的", true},
		{"callcenter/refusal-apology", lint.Agent, "办不了呢？您把截图发我看看", false},
		{"callcenter/refusal-apology", lint.Agent, "退不了哦？亲，您把截图发我看看", false},
		{"callcenter/refusal-apology", lint.Agent, "您是说不能退款吗？我帮您看看", false},
		{"callcenter/refusal-apology", lint.Agent, "这个不能退吧？", false},
		// (…a particle's character inside a word of the echo, 哈尔滨 / 哈密 /
		// 亲戚, a word character after it, is no particle)
		{"callcenter/refusal-apology", lint.Agent, "您是说无法配送到哈尔滨？我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您说不能发货到哈密？我帮您看看", false},
		{"callcenter/refusal-apology", lint.Agent, "您是说无法送货到亲戚家？我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "不能改地址哦亲？", true},
		{"callcenter/refusal-apology", lint.Agent, "这个不能退哈亲？", true},
		{"callcenter/refusal-apology", lint.Agent, "这个订单怎么不能取消呢？因为已经出库了", true},
		// …and 的话 / 嘅话 is the condition of the refusal before it only
		// within its clause: 您 / 你 starting another clause (您要退的话),
		// not as 为您 / 帮你 or 您的, ends it where no punctuation does; and
		// after what was said (您说的话, 你講嘅話) or a pronoun (您的话) it is
		// the noun "words", no condition (as 9b3a642 in negative-language)
		{"callcenter/refusal-apology", lint.Agent, "这个不能改您要退的话我帮您申请", true},
		{"callcenter/refusal-apology", lint.Agent, "呢個唔可以改你要退嘅話我幫你申請", true},
		{"callcenter/refusal-apology", lint.Agent, "无法确认您说的话", true},
		{"callcenter/refusal-apology", lint.Agent, "无法确认您的话", true},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法確認你講嘅話", true},
		{"callcenter/refusal-apology", lint.Agent, "无法确认那样的话", true},
		// (…a pronoun after another verb than one of hearing or
		// understanding is whom it is done to, inside the condition)
		{"callcenter/refusal-apology", lint.Agent, "无法转接您的话，您可以先留言", false},
		{"callcenter/refusal-apology", lint.Agent, "不能送达您的话，包裹会退回仓库", false},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法轉接你嘅話，可以留言", false},
		{"callcenter/refusal-apology", lint.Agent, "无法帮您转达您的话，建议您直接联系快递员", true},
		{"callcenter/refusal-apology", lint.Agent, "不能帮您转达他的话", true},
		{"callcenter/refusal-apology", lint.Agent, "无法为您转达您嘱咐的话", true},
		{"callcenter/refusal-apology", lint.Agent, "无法帮您转达您吩咐的话，建议您直接联系快递员", true},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法幫你轉達你吩咐嘅話", true},
		{"callcenter/refusal-apology", lint.Agent, "无法为您转达您嘱咐过的话", true},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法幫你轉達你吩咐過嘅話", true},
		{"callcenter/refusal-apology", lint.Agent, "无法为您叮嘱快递员的话，会留言", false},
		{"callcenter/refusal-apology", lint.Agent, "无法为您转达您交代的话", true},
		{"callcenter/refusal-apology", lint.Agent, "无法为您转达您交代过的话", true},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法幫你轉達你交代嘅話", true},
		{"callcenter/refusal-apology", lint.Agent, "无法为您退还您交的押金的话，会给您补偿", false},
		{"callcenter/refusal-apology", lint.Agent, "无法为您交代的话，会上报", false},
		// (…and 暂时 / 目前 before the refusal, which it takes, does not take
		// the condition away)
		{"callcenter/refusal-apology", lint.Agent, "暂时无法发货的话，我们会通知您", false},
		{"callcenter/refusal-apology", lint.Agent, "目前不支持退货的话，可以为您换货", false},
		{"callcenter/refusal-apology", lint.Agent, "暂时无法转接您的话，您可以先留言", false},
		{"callcenter/refusal-apology", lint.Agent, "暂时无法发货，您要退的话我帮您申请", true},
		{"callcenter/refusal-apology", lint.Agent, "这个目前不能改您要退的话我帮您申请", true},
		{"callcenter/refusal-apology", lint.Agent, "不能修改您的地址的话，可以拒收", false},
		{"callcenter/refusal-apology", lint.Agent, "没办法帮您改的话可以拒收", false},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法同你改嘅話可以拒收", false},
		// …where 您 / 你 starts a clause before a modal, an adverb or a
		// conjunction (您想退的话, 您还要的话, 你仲要嘅話); the 您 / 你 the
		// refused verb takes, whose (改您地址) or whom (送到您家), without
		// 的, is inside the condition as 您的 is
		{"callcenter/refusal-apology", lint.Agent, "这个不能改您想退的话我帮您申请", true},
		{"callcenter/refusal-apology", lint.Agent, "这个不能改您还要的话可以退", true},
		{"callcenter/refusal-apology", lint.Agent, "呢個唔可以改你仲要嘅話可以退", true},
		{"callcenter/refusal-apology", lint.Agent, "不能改您地址的话可以拒收", false},
		{"callcenter/refusal-apology", lint.Agent, "无法确认您身份的话，需要您提供订单号", false},
		{"callcenter/refusal-apology", lint.Agent, "不能送货到您家的话，会放在驿站", false},
		{"callcenter/refusal-apology", lint.Agent, "無法配送到您所在地區的話，會為您退款", false},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法確認你身份嘅話，要你提供單號", false},
		{"callcenter/refusal-apology", lint.Agent, "不能提供您需要的发票的话，会联系您", false},
		{"callcenter/refusal-apology", lint.Agent, "无法提供您想要的颜色的话，可以退款", false},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法提供你要嘅顏色嘅話，可以退款", false},
		{"callcenter/refusal-apology", lint.Agent, "这个不能改您想要的话可以退", true},
		// (…and so do the address 亲 and the conjunctions 如 / 若, not 亲自 or
		// 如期)
		{"callcenter/refusal-apology", lint.Agent, "这个不能改亲要退的话我帮您申请", true},
		{"callcenter/refusal-apology", lint.Agent, "这个不能改如果要退的话我帮您申请", true},
		{"callcenter/refusal-apology", lint.Agent, "这个不能改如需退货的话我帮您申请", true},
		{"callcenter/refusal-apology", lint.Agent, "呢個唔可以改如果要退嘅話我幫你申請", true},
		{"callcenter/refusal-apology", lint.Agent, "暂时无法如期发货的话，我们会通知您", false},
		{"callcenter/refusal-apology", lint.Agent, "师傅无法亲自上门的话，会联系您改约", false},
		{"callcenter/refusal-apology", lint.Agent, "无法保证如常发货的话，我们会提前通知您", false},
		{"callcenter/refusal-apology", lint.Agent, "无法确保如数发货的话，会提前跟您说", false},
		{"callcenter/refusal-apology", lint.Agent, "不能保证亲身上门的话，会安排同事", false},
		{"callcenter/refusal-apology", lint.Agent, "无法提供如图的包装的话，会联系您", false},
		{"callcenter/refusal-apology", lint.Agent, "无法保证亲签的话，会放在驿站", false},
		{"callcenter/refusal-apology", lint.Agent, "无法保证如期的话，会提前通知您", false},
		{"callcenter/refusal-apology", lint.Agent, "冇辦法保證親收嘅話，會放喺驛站", false},
		// …and goods are said to be marked by 说明 / 提示 only with 会 / 已 /
		// 有 before it: bare, they tell or remind the customer (说明一下,
		// 提示您), and the refusal is one
		{"callcenter/refusal-apology", lint.Agent, "这个是不支持退货的商品说明一下", true},
		{"callcenter/refusal-apology", lint.Agent, "这是不能退的商品提示您一下", true},
		{"callcenter/refusal-apology", lint.Agent, "呢件係唔可以退嘅貨品說明一下", true},
		// (…and so do 我会 before it, the agent who will tell, and 您 / 你
		// between, whom it is told to)
		{"callcenter/refusal-apology", lint.Agent, "这是不支持退货的商品我会跟您说明一下", true},
		{"callcenter/refusal-apology", lint.Agent, "这是不能退的商品我会说明一下", true},
		{"callcenter/refusal-apology", lint.Agent, "这是不能退的商品会跟您说明一下", true},
		{"callcenter/refusal-apology", lint.Agent, "呢件係唔可以退嘅貨品我會同你講解說明", true},
		{"callcenter/refusal-apology", lint.Agent, "不支持退货的商品我们详情页都有说明", false},
		{"callcenter/refusal-apology", lint.Agent, "不能退的商品详情页有说明", false},
		{"callcenter/refusal-apology", lint.Agent, "不能退的商品会在详情页说明", false},
		{"callcenter/refusal-apology", lint.Agent, "不支持退货的商品下单时系统会提示", false},
		{"callcenter/refusal-apology", lint.Agent, "唔可以退嘅貨品頁面已經說明", false},
		// (…but 在您 / 喺你 between says when the goods are marked, not whom
		// it is told to)
		{"callcenter/refusal-apology", lint.Agent, "不支持退货的商品会在您下单时提示", false},
		{"callcenter/refusal-apology", lint.Agent, "不支持退货的商品系统会在您付款前提示", false},
		{"callcenter/refusal-apology", lint.Agent, "唔可以退嘅貨品會喺你落單時提示", false},
		{"callcenter/refusal-apology", lint.Agent, "不支持退货的商品会在您下单时跟您说明", true},
		// …a question quoted back and then answered with its reason
		// (因为 / 由于 / 所以 in the next clause's first characters) explains
		// the refusal, as 为什么不能改呢？因为… does; and Cantonese asks 点解 …
		// 呀 / 啊 / 㗎 as it asks 点解 …？ (not 点解…嘅原因呀, which asks nothing)
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗？是因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗 由于是定制商品", true},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？我帮您查一下", false},
		// (…also after an address or a yes of its own: the reason starts
		// the clause after it)
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲，因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗？是的，因为是定制商品", true},
		{"callcenter/refusal-apology", lint.Agent, "您問為什麼不能退款嗎 親 由於是定制商品", true},
		// (…also a few characters into that clause, as into the first: 这边是因为)
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲，这边是因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗？是的，这是因为定制商品", true},
		{"callcenter/refusal-apology", lint.Agent, "您問為什麼不能退款嗎 親 係因為已經出咗倉", true},
		// (…and after an address and a yes, two short clauses: the reason
		// starts the third)
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲，是的，因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗？亲，是的，这是因为定制商品", true},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗？亲 是的 由于是定制商品", true},
		{"callcenter/refusal-apology", lint.Agent, "您問為什麼不能退款嗎 親 係 因為已經出咗倉", true},
		// (…and after three or more: 亲，嗯，是的)
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲，嗯，是的，因为订单已经出库了", true},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不行吗？亲，嗯，是的，因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗？亲，嗯，是的，这是因为定制商品", true},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲，嗯，是的，我帮您看一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲，嗯，是的", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲，嗯，好，是的，我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗？亲，是的，我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗？亲，是的，好的", false},
		{"callcenter/refusal-apology", lint.Agent, "您是问为什么不能改吗？亲，是的", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲，好的", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲，我这边帮您查一下原因", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲，我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？亲", false},
		{"callcenter/refusal-apology", lint.Agent, "您问为什么不能退款吗？", false},
		{"callcenter/refusal-apology", lint.Agent, "點解唔可以改呀", false},
		{"callcenter/refusal-apology", lint.Agent, "點解改唔到啊？", false},
		{"callcenter/refusal-apology", lint.Agent, "亲，點解唔可以改㗎", false},
		{"callcenter/refusal-apology", lint.Agent, "呢個就係點解唔可以改嘅原因呀", true},
		{"callcenter/refusal-apology", lint.Agent, "點解唔可以改呀 因為已經出咗倉", true},
		// callcenter/bu-phrase and retail/curt-answer (001 五.五.4, 002 十四):
		// the 不行 of a question quoted back is the customer's word, not the
		// agent's refusal; the agent's own, told to the customer (我跟您说不行)
		// or judging what the customer said (您说的这个方法不行), still is one
		{"callcenter/bu-phrase", lint.Agent, "您说为什么不行？我帮您看一下", false},
		{"callcenter/bu-phrase", lint.Agent, "您问怎么又不行了？我帮您查一下", false},
		{"callcenter/bu-phrase", lint.Agent, "您说不行是吗？是哪一步提示错误呢", false},
		{"callcenter/bu-phrase", lint.Agent, "你話點解唔得？我幫你睇下", false},
		{"callcenter/bu-phrase", lint.Agent, "我跟您说不行的", true},
		{"callcenter/bu-phrase", lint.Agent, "我告诉您说不行", true},
		{"callcenter/bu-phrase", lint.Agent, "我不是告訴過你說不行了嗎", true},
		{"callcenter/bu-phrase", lint.Agent, "您说的这个方法不行", true},
		{"callcenter/bu-phrase", lint.Agent, "您说什么都不行", true},
		{"retail/curt-answer", lint.Agent, "您说为什么不行？我帮您看一下", false},
		{"retail/curt-answer", lint.Agent, "您问怎么又不行了？我帮您查一下", false},
		{"retail/curt-answer", lint.Agent, "你話點解唔得？我幫你睇下", false},
		{"retail/curt-answer", lint.Agent, "我跟您说不行的", true},
		{"retail/curt-answer", lint.Agent, "我告诉您说不行", true},
		{"retail/curt-answer", lint.Agent, "我不是告訴過你說不行了嗎", true},
		{"retail/curt-answer", lint.Agent, "您说的这个方法不行", true},
		// callcenter/forbidden-phrase: an address does not warm a bare 知道了
		// (001 五.五.2)
		{"callcenter/forbidden-phrase", lint.Agent, "好的亲，知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "亲爱的 知道啦", true},
		{"callcenter/forbidden-phrase", lint.Agent, "嗯嗯亲，我知道了哦", true},
		{"callcenter/forbidden-phrase", lint.Agent, "知道了亲~", true},
		{"callcenter/forbidden-phrase", lint.Agent, "知道的亲", false},
		// …nor after a comma or a space
		{"callcenter/forbidden-phrase", lint.Agent, "知道了，亲", true},
		{"callcenter/forbidden-phrase", lint.Agent, "好的，知道了，亲~", true},
		{"callcenter/forbidden-phrase", lint.Agent, "知道了 亲爱的", true},
		{"callcenter/forbidden-phrase", lint.Agent, "知道的，亲", false},
		{"callcenter/forbidden-phrase", lint.Agent, "知道了，亲，我马上帮您改", false},
		{"callcenter/forbidden-phrase", lint.Agent, "好的亲，知道了，这就帮您改", false},
		// …and Cantonese's 知道喇, said as curtly
		{"callcenter/forbidden-phrase", lint.Agent, "知道喇", true},
		{"callcenter/forbidden-phrase", lint.Agent, "好，知道喇", true},
		{"callcenter/forbidden-phrase", lint.Agent, "我知道喇！", true},
		{"callcenter/forbidden-phrase", lint.Agent, "知道喇，我即刻幫你改", false},
		// …nor a particle on the acknowledgement before it: JDDC's agents open
		// 86 replies with 好的呢, 13 with 好的哈, 12 with 嗯呢
		{"callcenter/forbidden-phrase", lint.Agent, "好的呢，知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "嗯呢 知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "好的哈亲，知道了哦", true},
		{"callcenter/forbidden-phrase", lint.Agent, "好的呢亲，我知道的", true},
		{"callcenter/forbidden-phrase", lint.Agent, "好的呐，知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "嗯呐，知道了哦", true},
		{"callcenter/forbidden-phrase", lint.Agent, "好的呐，知道了，马上帮您处理", false},
		{"callcenter/forbidden-phrase", lint.Agent, "好的呢，知道了，马上帮您处理", false},
		{"callcenter/forbidden-phrase", lint.Agent, "好的呢，您说的情况我知道了，马上为您登记", false},
		// …nor another acknowledgement before it: OK / 收到 / 明白 / 了解 / 行
		{"callcenter/forbidden-phrase", lint.Agent, "OK，知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "ok 知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "收到，知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "收到了亲，知道了哦", true},
		{"callcenter/forbidden-phrase", lint.Agent, "明白，我知道的", true},
		{"callcenter/forbidden-phrase", lint.Agent, "行，知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "收到，知道了，马上帮您处理", false},
		{"callcenter/forbidden-phrase", lint.Agent, "OK，您说的情况我知道了，马上为您登记", false},
		{"callcenter/forbidden-phrase", lint.Agent, "收到的货不对我知道了", false},
		// …with Cantonese's 喇 on the acknowledgement, as on 知道喇
		{"callcenter/forbidden-phrase", lint.Agent, "好喇，知道喇", true},
		{"callcenter/forbidden-phrase", lint.Agent, "收到喇，知道喇", true},
		{"callcenter/forbidden-phrase", lint.Agent, "明白喇 知道喇", true},
		{"callcenter/forbidden-phrase", lint.Agent, "收到喇，知道喇，即刻幫你處理", false},
		// …nor OK with 的 on it, a yes (是 / 是的 / 对 / 对的) before 知道了,
		// nor 晓得了, the 知道了 of the south-west and lower Yangtze (a yes
		// before 知道的 answers 您知道吗 as a bare 知道的 does)
		{"callcenter/forbidden-phrase", lint.Agent, "Ok的，知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "ok的 知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "是，知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "是的，知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "对，我知道了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "嗯，是的，知道了哦", true},
		{"callcenter/forbidden-phrase", lint.Agent, "晓得了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "好的，晓得了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "嗯嗯 我晓得的", true},
		{"callcenter/forbidden-phrase", lint.Agent, "我帮您升级处理 晓得了", true},
		{"callcenter/forbidden-phrase", lint.Agent, "是，知道了，马上帮您处理", false},
		{"callcenter/forbidden-phrase", lint.Agent, "是的，知道的", false},
		{"callcenter/forbidden-phrase", lint.Agent, "是知道的", false},
		{"callcenter/forbidden-phrase", lint.Agent, "晓得的", false},
		{"callcenter/forbidden-phrase", lint.Agent, "不晓得了", false},
		{"callcenter/forbidden-phrase", lint.Agent, "好的，您说的情况我晓得了，马上为您登记", false},
		{"callcenter/forbidden-phrase", lint.Agent, "不是，知道了吗", false},
		// (…and Cantonese's yes, 係 / 係呀 / 係嘅 (系), before 知道喇 as
		// 是 before 知道了: HK shops' 好喇，知道喇 is a finding already)
		{"callcenter/forbidden-phrase", lint.Agent, "係，知道喇", true},
		{"callcenter/forbidden-phrase", lint.Agent, "係呀，知道喇", true},
		{"callcenter/forbidden-phrase", lint.Agent, "系嘅，我知道喇", true},
		{"callcenter/forbidden-phrase", lint.Agent, "係，知道喇，即刻幫你處理", false},
		{"callcenter/forbidden-phrase", lint.Agent, "係嘅，知道嘅", false},
		{"callcenter/forbidden-phrase", lint.Agent, "關係，知道喇", false},
		// callcenter/unanswered-at-end: a want stated and thanks after it is
		// no closing (001 二.3)
		{"callcenter/unanswered-at-end", lint.Customer, "我想换个地址，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "想改收件人，唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我要投诉配送员 感谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "麻烦帮忙催一下 谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "不需要换了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，我知道了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "我要的就是这个，谢谢", false},
		// …nor thanks for help, what was wanted, or a decision
		{"callcenter/unanswered-at-end", lint.Customer, "好的，谢谢帮忙", false},
		{"callcenter/unanswered-at-end", lint.Customer, "谢谢你帮忙了", false},
		{"callcenter/unanswered-at-end", lint.Customer, "多谢帮忙，唔該晒", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，谢谢你的帮忙", false},
		{"callcenter/unanswered-at-end", lint.Customer, "明白了，我想问的就是这个，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的我知道了，我要换的话再找你，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好，我要查的查到了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，我要买了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "请帮忙看一下，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我想买一件M码的，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我想退，謝謝", true},
		// …and so is a request said without 我想 / 帮我: the verb with 下 /
		// 一下 (JDDC: 这个订单地址手机号也改下谢谢[电话x]), a service and its
		// object where a clause starts, 改成 … not done yet; the customer's own
		// looking (我查下), what is done (改好了, 已经改成…了, 退款收到了) and
		// 退款 of a notice closes
		{"callcenter/unanswered-at-end", lint.Customer, "这个订单地址手机号也改下谢谢[电话x]", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改下地址，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "查一下物流，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "取消订单，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "退款，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改地址唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "地址改成北京市朝阳区，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "已经收到退款信息了，谢谢你了", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的我查一下，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "改好了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，已经改成北京了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "改成功了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "换下来的旧件寄回去了，谢谢", false},
		// …but not the customer's own doing (a 我 before the verb in its
		// clause, 刚 before it, 换下的 / 改下次), nor a service named where
		// the next clause says it is done or understood (JDDC's customers
		// set clauses off with spaces: 退款 收到了); what is still missing
		// or asked after it stays a request
		{"callcenter/unanswered-at-end", lint.Customer, "好的 我来查一下 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那我就改一下吧，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的我晚点查一下 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "刚查一下物流已经签收了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那改下次吧，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯嗯 换下的旧机已经寄回了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "刚改成北京，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "退款 收到了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "退货 已经寄出了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "改地址 改好了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好 退货 我知道了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "退款 收到喇 唔該晒", false},
		{"callcenter/unanswered-at-end", lint.Customer, "我的地址改下，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "退款 还没收到 谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "退款 已经到了吗 谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "取消订单，拍错了，谢谢", true},
		// …with 吧 / 哈 / 呗 on the service, 那 / 那就 before it, or 返 / 回
		// (back) after the verb: a request still, whatever thanks follow;
		// 退款了 / 退款啦 say it is done, and 改返地址 改好咗 says so after it
		{"callcenter/unanswered-at-end", lint.Customer, "退款吧，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改返地址唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "那就退款吧，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "退货吧 谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "取消订单吧，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改回原来的地址，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "换货哈，唔該晒", true},
		{"callcenter/unanswered-at-end", lint.Customer, "退款了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "退款啦，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那就这样吧，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "改返地址 改好咗 唔該晒", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那退款 收到了 谢谢", false},
		// …and so does a done clause after the request's forms, as after
		// the bare service (退款 已经申请了 谢谢)
		{"callcenter/unanswered-at-end", lint.Customer, "退款哈 收到了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "退款吧 已经申请了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那就退款吧，已经申请了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "改返地址吧 改好咗 唔該晒", false},
		{"callcenter/unanswered-at-end", lint.Customer, "退款吧 还没收到 谢谢", true},
		// …and with a measure word between the verb and its object (改返個地址,
		// 换个颜色, 改张发票), in the request as in the done clause
		{"callcenter/unanswered-at-end", lint.Customer, "改返個地址唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改个地址，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "换个颜色吧 谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改張發票 唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改返個地址 改好咗 唔該晒", false},
		{"callcenter/unanswered-at-end", lint.Customer, "换个颜色 收到了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "换一个颜色吧 谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改一张发票，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "换一个颜色 收到了 谢谢", false},
		// …and with two objects in a row (发票抬头, 订单地址), in the request as
		// in the done clause
		{"callcenter/unanswered-at-end", lint.Customer, "改张发票抬头，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改发票抬头，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改張發票抬頭 唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "修改订单地址，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改张发票抬头 改好了 谢谢", false},
		// (…or three: 收货人电话地址)
		{"callcenter/unanswered-at-end", lint.Customer, "改收货人电话地址，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "修改订单收货人电话，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改收貨人電話地址 唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改收货人电话地址 改好了 谢谢", false},
		// (…or four, 姓名 / 名字 among them, or joined by 和 / 跟 / 及 / 与 / 同:
		// 改电话和地址 is two objects as 改电话地址 is)
		{"callcenter/unanswered-at-end", lint.Customer, "改订单收货人电话地址，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改收货人姓名，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改个名字，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改电话和地址，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "修改收货人姓名及电话，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改返收貨人姓名同電話 唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改收貨人姓名 唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改电话跟地址吧，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改电话和地址 改好了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "改订单收货人电话地址 改好了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "改收货人姓名 改好了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "收货人姓名改好了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "改电话和你说的一样，谢谢", false},
		// (…or five and more, and the number written out or the contact as a
		// whole: 手机号码, 联系电话, 联系方式, 电话号码, 号码)
		{"callcenter/unanswered-at-end", lint.Customer, "改订单收货人姓名电话地址，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "修改订单收货人姓名电话地址发票，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改手机号码，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改联系方式，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改联系电话，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改收货人电话号码吧，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改返個電話號碼 唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改订单收货人姓名电话地址 改好了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "改手机号码 改好了 谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "联系方式改好了，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "换号码了，谢谢", false},
		// (…and Hong Kong's 聯絡電話 / 聯絡方式 / 聯絡方法 for 联系电话 / 联系方式)
		{"callcenter/unanswered-at-end", lint.Customer, "改聯絡電話，唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "修改聯絡方式，謝謝", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改返收貨人聯絡方法 唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改聯絡電話 改好咗 唔該晒", false},
		{"callcenter/unanswered-at-end", lint.Customer, "聯絡電話改好咗，唔該晒", false},
		// a question asked with 吗 / 么 (Cantonese 未) before the thanks
		// still wants its answer, as one with a question mark does
		{"callcenter/unanswered-at-end", lint.Customer, "改发票抬头吗，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "可以退款吗 谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "能快点么 谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "到咗未，唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改咗地址未呀 唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "没什么，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，那么谢谢了", false},
		{"callcenter/unanswered-at-end", lint.Customer, "仲未，唔該晒", false},
		// (…nor HK's 重未, as it often writes 仲未, nor Mandarin's 暂未 /
		// 仍未: not yet, an answer)
		{"callcenter/unanswered-at-end", lint.Customer, "重未，唔該晒", false},
		{"callcenter/unanswered-at-end", lint.Customer, "我重未呀，唔該晒", false},
		{"callcenter/unanswered-at-end", lint.Customer, "暂未，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "仍未，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "收到未呀，唔該晒", true},
		// (…and so typed straight on, no space before the thanks)
		{"callcenter/unanswered-at-end", lint.Customer, "可以退款吗谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改发票抬头么谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "能退款吗感谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "到咗未唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "到咗未呀多謝", true},
		{"callcenter/unanswered-at-end", lint.Customer, "没什么谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的那么谢谢了", false},
		{"callcenter/unanswered-at-end", lint.Customer, "仲未唔該晒", false},
		// callcenter/thanks-ack: a 谢谢 on a question asked with 呢 and no
		// question mark is politeness, as on one with a mark: the answer is
		// the reply it needs; 呢 after thanks or a closing word softens them
		{"callcenter/thanks-ack", lint.Customer, "谢谢，我的快递呢", false},
		{"callcenter/thanks-ack", lint.Customer, "好的谢谢，那退款呢", false},
		{"callcenter/thanks-ack", lint.Customer, "没有了，谢谢 是不是你们有规定不能停呢", false},
		{"callcenter/thanks-ack", lint.Customer, "唔該晒，我嘅貨呢", false},
		{"callcenter/thanks-ack", lint.Customer, "好的谢谢呢", true},
		{"callcenter/thanks-ack", lint.Customer, "谢谢你们呢", true},
		{"callcenter/thanks-ack", lint.Customer, "好的，辛苦了呢", true},
		{"callcenter/thanks-ack", lint.Customer, "好的谢谢 好呢", true},
		// (…and so after the trigger's other closing words, 不用了 / 不需要了 /
		// 是的 / 对的 …, and after 我: 我知道了呢 says it, asks nothing)
		{"callcenter/thanks-ack", lint.Customer, "好的谢谢，不用了呢", true},
		{"callcenter/thanks-ack", lint.Customer, "谢谢，不需要了呢", true},
		{"callcenter/thanks-ack", lint.Customer, "谢谢，是的呢", true},
		{"callcenter/thanks-ack", lint.Customer, "好的谢谢 对的呢", true},
		{"callcenter/thanks-ack", lint.Customer, "好的谢谢，我知道了呢", true},
		{"callcenter/thanks-ack", lint.Customer, "好的谢谢，那呢", false},
		{"callcenter/thanks-ack", lint.Customer, "谢谢，我的发票呢", false},
		// (…and after 等着: 我等着呢 says the customer will wait, as 那我再等等吧
		// does, while 我还等着呢, still waiting, prods)
		{"callcenter/thanks-ack", lint.Customer, "好的谢谢，我等着呢", true},
		{"callcenter/thanks-ack", lint.Customer, "谢谢，那我先等着呢", true},
		{"callcenter/thanks-ack", lint.Customer, "好的谢谢，我还等着呢", false},
		// (…and with a particle before the 呢, as unanswered-at-end reads
		// it since 3e5a858: both rules take 谢谢，收到啦呢 for a closing)
		{"callcenter/thanks-ack", lint.Customer, "谢谢，没有啦呢", true},
		{"callcenter/thanks-ack", lint.Customer, "谢谢，收到啦呢", true},
		{"callcenter/thanks-ack", lint.Customer, "谢谢，知道了哦呢", true},
		{"callcenter/thanks-ack", lint.Customer, "好的谢谢，我等着啦呢", true},
		{"callcenter/thanks-ack", lint.Customer, "谢谢哦呢", true},
		{"callcenter/thanks-ack", lint.Customer, "谢谢，我的快递啦呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "谢谢，收到啦呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "谢谢，知道了哦呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "谢谢哦呢", false},
		{"callcenter/thanks-ack", lint.Customer, "我的快递呢，谢谢", false},
		// …and with Cantonese's 吖 on it, as 吧 / 哈 / 呗 (改地址吖, change the
		// address, will you), in the request as in the done clause
		{"callcenter/unanswered-at-end", lint.Customer, "改地址吖，唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "退款吖 唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改返個地址吖，唔該晒", true},
		{"callcenter/unanswered-at-end", lint.Customer, "改地址吖 改好咗 唔該晒", false},
		// …a 呢 after a closing word softens it (JDDC's customers: 好呢 谢谢呢!,
		// 其他没有了 … 取消订单了 谢谢呢!, 好的呢), while after anything else it
		// asks (那退款呢, 然后呢), and so does a question mark
		{"callcenter/unanswered-at-end", lint.Customer, "好呢 谢谢呢!", false},
		{"callcenter/unanswered-at-end", lint.Customer, "其他没有了 商家确认 取消订单了 谢谢呢!", false},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯呐 ; 好的呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "谢谢呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "收到了呢，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯呐", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的谢谢，那退款呢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "好了 然后呢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "谢谢，我的呢", true},
		// …thanks to a team or with a doubled 亲 is thanks too
		{"callcenter/unanswered-at-end", lint.Customer, "好的，谢谢你们呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "感谢您们呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "谢谢亲亲呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "谢谢你们，我们的呢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "好的呢？", true},
		{"callcenter/unanswered-at-end", lint.Customer, "麻烦帮忙查下呢 谢谢呢", true},
		// …and so before thanks, as 吗 does (我的快递呢，谢谢 asks where it is),
		// but not after a closing word (没有啦呢 谢谢你了, JDDC's; 是的呢，谢谢)
		// nor in 我等着呢, which says the customer will wait (我还等着呢 prods)
		{"callcenter/unanswered-at-end", lint.Customer, "我的快递呢，谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我的快递呢谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "那退款呢 谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "是否有其他联系方式呢 谢谢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我嘅貨呢，唔該", true},
		{"callcenter/unanswered-at-end", lint.Customer, "没有啦呢 谢谢你了", false},
		{"callcenter/unanswered-at-end", lint.Customer, "没了呢谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的呢 谢谢啊", false},
		{"callcenter/unanswered-at-end", lint.Customer, "是的呢，谢谢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "谢谢，是的呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的谢谢，我等着呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的谢谢，那我先等着呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的谢谢，我还等着呢", true},
		// …and alone, no thanks before it: 那我先等着呢 closes the chat as
		// 那我再等等吧 does (asked, 那我先等着呢？, or prodding, 我还等着呢 /
		// 我一直等着呢, it still wants an answer); the timing rules read it
		// alike (TestTimingIgnoreWaitingParticle)
		{"callcenter/unanswered-at-end", lint.Customer, "那我先等着呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "我等着呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那我先等着呢😊", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，那我就等着啦呢~", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那我先等着呢？", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我还等着呢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我一直等着呢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "那我先等着呢，快递呢", true},
		// (…and after an acknowledgement only: after a request or a
		// question, 快点，我等着呢 / 退款什么时候到，我等着呢 prods)
		{"callcenter/unanswered-at-end", lint.Customer, "不着急，我等着呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "OK，那我先等着呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那好吧，我等着呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "快点，我等着呢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "麻烦快点处理，我等着呢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "赶紧给我退款，我等着呢", true},
		{"callcenter/unanswered-at-end", lint.Customer, "退款什么时候到，我等着呢", true},
		// …and so without 呢: 那我先等着 / 好的我等着 close the chat, alone or
		// after an acknowledgement or thanks, while after a request, 快点，我等着 /
		// 赶紧的我等着, it prods, and asked, 好的我等着？, it asks
		{"callcenter/unanswered-at-end", lint.Customer, "那我先等着", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的我等着", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，那我就等着吧", false},
		{"callcenter/unanswered-at-end", lint.Customer, "不着急，我等着", false},
		{"callcenter/unanswered-at-end", lint.Customer, "快点，我等着", true},
		{"callcenter/unanswered-at-end", lint.Customer, "赶紧的我等着", true},
		{"callcenter/unanswered-at-end", lint.Customer, "赶紧给我退款，我等着吧", true},
		{"callcenter/unanswered-at-end", lint.Customer, "好的我等着？", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我还等着", true},
		// …and after 没问题 / 可以, or thanks as 辛苦了 / 麻烦你了, which closed
		// the chat before e395175 too (麻烦 asking, 麻烦快点, prods)
		{"callcenter/unanswered-at-end", lint.Customer, "没问题，我等着", false},
		{"callcenter/unanswered-at-end", lint.Customer, "可以，那我等着", false},
		{"callcenter/unanswered-at-end", lint.Customer, "辛苦了，我等着", false},
		{"callcenter/unanswered-at-end", lint.Customer, "麻烦你了，我先等着", false},
		{"callcenter/unanswered-at-end", lint.Customer, "没问题，我等着呢", false},
		{"callcenter/unanswered-at-end", lint.Customer, "麻烦快点，我等着", true},
		// …and 等等 / 等一下 / 等会儿 likewise: after an acknowledgement or
		// thanks it closes the chat, 好的，那我再等等 / 好的亲，那我等等 /
		// 算了，那我再等等吧, while after a question or a request it asks,
		// 你们到底什么时候发货，我再等等 / 快点发货，我等一下 (any twelve
		// characters stood before it), and asked, 好的，那我等等？, it asks
		{"callcenter/unanswered-at-end", lint.Customer, "那我再等等吧", false},
		{"callcenter/unanswered-at-end", lint.Customer, "我等一下。", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，那我再等等", false},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯嗯，那我等会儿吧", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的谢谢，我再等一下", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的亲，那我等等", false},
		{"callcenter/unanswered-at-end", lint.Customer, "算了，那我再等等吧", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的亲，我等着", false},
		// (…and so after a resigned or understanding acknowledgement, 没办法 /
		// 这样啊 / 原来是这样, which any twelve characters let close before
		// 198ba83, while a complaint before it wants an answer)
		{"callcenter/unanswered-at-end", lint.Customer, "没办法，那我再等等吧", false},
		{"callcenter/unanswered-at-end", lint.Customer, "这样啊，那我再等等", false},
		{"callcenter/unanswered-at-end", lint.Customer, "原来是这样，那我等一下", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那这样的话，我先等着", false},
		{"callcenter/unanswered-at-end", lint.Customer, "物流太慢了，那我再等等", true},
		{"callcenter/unanswered-at-end", lint.Customer, "你们到底什么时候发货，我再等等", true},
		{"callcenter/unanswered-at-end", lint.Customer, "你们到底什么时候发货，我等等？", true},
		{"callcenter/unanswered-at-end", lint.Customer, "快点发货，我等一下", true},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，那我等等？", true},
		{"callcenter/unanswered-at-end", lint.Customer, "那我再等等吧?", true},
		// …and 我试试 / 我试一下 as 等等 is read: after an acknowledgement
		// or thanks, or alone, the customer will try the advice and closes
		// the chat; asked (那我试试？) or after a complaint or a question
		// (你们这到底怎么弄，我试试), which any twelve characters let close
		// before, it wants an answer. 我再等等看 (wait and see) closes it as
		// 我再等等 does
		{"callcenter/unanswered-at-end", lint.Customer, "我试试", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那我再试一下", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，我试试", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好吧，那我再试试看。", false},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯嗯，谢谢，我试下", false},
		{"callcenter/unanswered-at-end", lint.Customer, "我先试试", false},
		// (…and after a yes or a don't-know answering the agent's question,
		// 是的，我试试 / 不知道呢，我先试试看, for 等等 too: 对，那我再等等)
		{"callcenter/unanswered-at-end", lint.Customer, "是的，我试试", false},
		{"callcenter/unanswered-at-end", lint.Customer, "对的，那我试一下吧", false},
		{"callcenter/unanswered-at-end", lint.Customer, "不知道呢，我先试试看", false},
		{"callcenter/unanswered-at-end", lint.Customer, "对，那我再等等", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那我试试？", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我试一下?", true},
		{"callcenter/unanswered-at-end", lint.Customer, "你们这到底怎么弄，我试试", true},
		{"callcenter/unanswered-at-end", lint.Customer, "还是打不开，那我再试试", true},
		// (…and the advice named, a restart, a refresh, another browser:
		// 那我重启试试 / 我重启一下试试 / 好的，我换个浏览器试试; a threat or a
		// complaint tried is no advice taken, 那我投诉试试 / 我换个客服试试)
		{"callcenter/unanswered-at-end", lint.Customer, "那我重启试试", false},
		{"callcenter/unanswered-at-end", lint.Customer, "我重启一下试试", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，我先刷新一下试试", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，那我换个浏览器试试", false},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯，我去清一下缓存试试看", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那我重新登录试一下吧", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那我投诉试试", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我换个客服试试", true},
		{"callcenter/unanswered-at-end", lint.Customer, "那我重启试试？", true},
		{"callcenter/unanswered-at-end", lint.Customer, "你们这到底怎么弄，我重启试试", true},
		{"callcenter/unanswered-at-end", lint.Customer, "我再等等看", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，那我再等等看吧", false},
		{"callcenter/unanswered-at-end", lint.Customer, "我再等等看？", true},
		{"callcenter/unanswered-at-end", lint.Customer, "物流太慢了，我再等等看", true},
		// the customer leaves asking nothing, after an acknowledgement or
		// not: that message needs no answer, but it answers nothing asked
		// before it (after a question nobody answered, 那我明天再来问问 /
		// 好，我聽日再問 gives up: the finding is at the question)
		{"callcenter/unanswered-at-end", lint.Customer, "好，我聽日再問", false},
		{"callcenter/unanswered-at-end", lint.Customer, "行吧，我晚点再问", false},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯嗯 那我回头再找你", false},
		{"callcenter/unanswered-at-end", lint.Customer, "OK我考虑一下", false},
		{"callcenter/unanswered-at-end", lint.Customer, "得，我遲啲再問啦", false},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯，我再想想", false},
		{"callcenter/unanswered-at-end", lint.Customer, "那我明天再来问问", false},
		{"callcenter/unanswered-at-end", lint.Customer, "算了，明天再说吧", false},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\nagent: 有的\ncustomer: 那我明天再来问问", false},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\ncustomer: 好，我聽日再問", true},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\ncustomer: 算了，明天再说吧", true},
		{"callcenter/unanswered-at-end", 0, "customer: 几时发货\ncustomer: 得闲再倾", true},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\nagent: 有的\ncustomer: 好贵，我再考虑一下", true},
		{"callcenter/unanswered-at-end", lint.Customer, "好，几时发货，我明天再来问", true},
		{"callcenter/unanswered-at-end", lint.Customer, "好，能便宜点不，我考虑一下", true},
		{"callcenter/unanswered-at-end", lint.Customer, "好的，明天再说？", true},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯 那你明天再联系我", true},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\nagent: 有的\ncustomer: 好，我聽日再問", false},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\ncustomer: 那我明天再来问问", true},
		// …呢 ending it softens the leaving (JDDC: 我看看呢), as the
		// coming-back 那我明天再来问呢 and the going-to-look 我再考虑一下呢 alike;
		// asked with a question mark, it wants an answer
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\nagent: 有的\ncustomer: 那我明天再来问呢", false},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\nagent: 有的\ncustomer: 我晚点再问呢", false},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\nagent: 有的\ncustomer: 我再考虑一下呢", false},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\ncustomer: 那我明天再来问呢", true},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\nagent: 有的\ncustomer: 那我明天再来呢？", true},
		// …the acknowledgement a word of its own and the leaving its only
		// clause: 好 / 行 / 得 of another word, or a complaint or a request
		// before the leaving, still want an answer (得闲再倾, "let's chat
		// when free", is a leaving of its own)
		{"callcenter/unanswered-at-end", lint.Customer, "好贵，我再考虑一下", true},
		{"callcenter/unanswered-at-end", lint.Customer, "好久都没发货，我明天再来问", true},
		{"callcenter/unanswered-at-end", lint.Customer, "行李箱坏了，我明天再来问", true},
		{"callcenter/unanswered-at-end", lint.Customer, "得闲再倾", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好，尽快处理，我晚点再来问", true},
		{"callcenter/unanswered-at-end", lint.Customer, "恩，赶紧发货，我明天再来看", true},
		{"callcenter/unanswered-at-end", lint.Customer, "好的 你们先帮我退款 我明天再来看", true},
		{"callcenter/unanswered-at-end", 0, "customer: 这件有L码吗\nagent: 有的\ncustomer: 好，帮我改下地址，我明天再来问", true},
		{"callcenter/unanswered-at-end", lint.Customer, "嗯嗯好的，我明天再来问", false},
		{"callcenter/unanswered-at-end", lint.Customer, "好，稍等我找下订单号", false},
		{"callcenter/unanswered-at-end", lint.Customer, "唔該，我諗下先", false},
		// callcenter/thanks-ack: a lone 唔該 opening the chat gets attention
		// ("excuse me"); a greeting offering help answers it, not one
		// offering more after thanks
		{"callcenter/thanks-ack", 0, "customer: 唔該！\nagent: 早晨！請問有咩可以幫到您？", false},
		{"callcenter/thanks-ack", 0, "customer: 唔該\nagent: 您好，请问有什么可以为您服务的", false},
		{"callcenter/thanks-ack", 0, "customer: 唔該\nagent: 你好", true},
		{"callcenter/thanks-ack", 0, "customer: 好，唔該晒\nagent: 你好，仲有咩可以幫到你？", true},
		{"callcenter/thanks-ack", 0, "customer: 好的谢谢\nagent: 您好，请问还有其他问题吗", true},
		// …and only one that opened the chat, before any reply: mid-chat,
		// 好，唔该 is thanks, which a fresh greeting does not acknowledge
		{"callcenter/thanks-ack", 0, "customer: 有冇L碼\nagent: 您好，L碼有貨\ncustomer: 好，唔該\nagent: 你好，有咩可以幫到你？", true},
		{"callcenter/thanks-ack", 0, "customer: 張單幾時到\nagent: 聽日到\ncustomer: 好的，唔該\nagent: 您好，请问有什么可以帮您", true},
		{"callcenter/thanks-ack", 0, "customer: 有冇L碼\nagent: 您好，L碼有貨\ncustomer: 好，唔該\nagent: 唔使唔該，有咩再搵我哋", false},
		{"callcenter/thanks-ack", 0, "customer: 你好\ncustomer: 唔該\nagent: 你好，有咩可以幫到你？", false},
		{"callcenter/thanks-ack", 0, "customer: 唔該\nagent/transfer: 已轉接客服\nagent: 早晨，有咩可以幫到你？", false},
		// …and a shop's automatic welcome sent before the customer writes
		// replies to nothing: the 唔該 after it still opened the chat
		{"callcenter/thanks-ack", 0, "agent: 您好，歡迎光臨XX旗艦店，有咩可以幫到你？\ncustomer: 唔該\nagent: 你好，有咩可以幫到你？", false},
		{"callcenter/thanks-ack", 0, "agent: 欢迎光临XX旗舰店\ncustomer: 唔該！\nagent: 您好，请问有什么可以为您服务的", false},
		{"callcenter/thanks-ack", 0, "agent: 欢迎光临XX旗舰店\ncustomer: 有冇L碼\nagent: 您好，L碼有貨\ncustomer: 好，唔該\nagent: 你好，有咩可以幫到你？", true},
		// …while a notice the agent sent first is what the thanks are for,
		// Mandarin or Cantonese, and a greeting after them acknowledges none
		{"callcenter/thanks-ack", 0, "agent: 您嘅訂單已經發貨\ncustomer: 好，唔該\nagent: 你好，有咩可以幫到你？", true},
		{"callcenter/thanks-ack", 0, "agent: 亲，您的订单已发货，请注意查收\ncustomer: 好的谢谢\nagent: 您好，请问有什么可以帮您", true},
		{"callcenter/thanks-ack", 0, "agent: 您好，欢迎光临\ncustomer: 唔該\nagent: 早晨，有咩可以幫到你？", false},
		{"callcenter/thanks-ack", 0, "agent: 亲爱的，欢迎来到XX旗舰店~\ncustomer: 唔該！\nagent: 你好，有咩可以幫到你？", false},
		// thanks for help is thanks, 帮忙 with a verb after it a request
		{"callcenter/thanks-ack", 0, "customer: 好的，谢谢帮忙\nagent: 请问还有其他问题吗", true},
		{"callcenter/thanks-ack", 0, "customer: 好的，谢谢你的帮忙\nagent: 请问还有其他问题吗", true},
		{"callcenter/thanks-ack", 0, "customer: 谢谢你帮忙了\nagent: 请问还有其他问题吗", true},
		{"callcenter/thanks-ack", 0, "customer: 好的，帮忙取消一下，谢谢\nagent: 好的", false},
		// base/missing-greeting: 早晨 is Cantonese 早上好 as a clause of its own,
		// a space ending it too, but not the time of day set off by spaces
		{"base/missing-greeting", 0, "customer: 你好\nagent: 早晨 我幫你睇下張單", false},
		{"base/missing-greeting", 0, "customer: 你好\nagent: 早晨", false},
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 后天 早晨 派送", true},
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 早晨 十点前送到", true},
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 早晨！十点前送到", false},
		// an emoji's placeholder after the space is no time of day
		{"base/missing-greeting", 0, "customer: 你好\nagent: 早晨 [微笑]", false},
		{"base/missing-greeting", 0, "customer: 你好\nagent: 早晨 [表情] 我幫你睇下", false},
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 早晨 [时间x]前送到", true},
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 早晨 [数字x]点前送到", true},
		// …but a delivery told in Cantonese after it is the greeting (Cantonese
		// says 今朝 for this morning)
		{"base/missing-greeting", 0, "customer: 我啲貨送咗未\nagent: 早晨 送咗貨喇", false},
		{"base/missing-greeting", 0, "customer: 件貨到咗未\nagent: 早晨 到咗喇，你睇下", false},
		{"base/missing-greeting", 0, "customer: 我嘅件幾時到\nagent: 早晨 派緊件，今日會到", false},
		{"base/missing-greeting", 0, "customer: 几时送\nagent: 早晨 送到", true},
		{"base/missing-greeting", 0, "customer: 几时发\nagent: 早晨 发货，下午到", true},
		{"base/missing-greeting", 0, "customer: 几时送\nagent: 明天 早晨 送咗喇", true},
		// …紧 on the verb alone: Mandarin has it in 紧张, 要紧, 抓紧
		{"base/missing-greeting", 0, "customer: 几时发\nagent: 早晨 发货比较紧张，建议下午", true},
		{"base/missing-greeting", 0, "customer: 几时到\nagent: 早晨 到达时间紧", true},
		{"base/missing-greeting", 0, "customer: 几时送\nagent: 早晨 送货要抓紧", true},
		{"base/missing-greeting", 0, "customer: 几时发\nagent: 早晨 發緊貨，下晝到", false},
		// …and with a particle or 好 on it, 早晨 is no bare time of day: a
		// space after it ends it as punctuation does (早晨呀，8點前送到 greets)
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 早晨呀 8點前送到", false},
		{"base/missing-greeting", 0, "customer: 几时送\nagent: 早晨好 送到", false},
		{"base/missing-greeting", 0, "customer: 我件貨呢\nagent: 早晨晒 [数字x]點前會送到", false},
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 早晨啊 十点前送到", false},
		{"base/missing-greeting", 0, "customer: 几时送\nagent: 明天 早晨呀 送到", true},
		// …and so with more than one on it, before a space, punctuation or
		// nothing
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 早晨好啊 送到", false},
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 早晨晒呀 [数字x]點前會送到", false},
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 早晨好啊，8點前送到", false},
		{"base/missing-greeting", 0, "customer: 几时送到\nagent: 早晨好啊", false},
		// base/blame-customer: "I told you N times" with the customer named
		// after 跟 / 和 / 给 and 了 (not only 过), 讲 as 说, and in Cantonese
		// (讲咗 / 话咗 几多次 / 好多次); "can't you understand" in Cantonese
		// (听唔明 / 睇唔明 咩 / 吗, 唔识睇), and 听不懂人话
		{"base/blame-customer", lint.Agent, "我跟你说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "我已经和您讲了很多次了，这款不退", true},
		{"base/blame-customer", lint.Agent, "跟你讲了多少次了，没货", true},
		{"base/blame-customer", lint.Agent, "讲过多少遍了，明天发", true},
		{"base/blame-customer", lint.Agent, "我都講咗好多次喇，冇貨", true},
		{"base/blame-customer", lint.Agent, "我哋一早話咗幾多次㗎喇", true},
		{"base/blame-customer", lint.Agent, "同你講咗幾多次都唔聽", true},
		{"base/blame-customer", lint.Agent, "你聽唔明咩？", true},
		{"base/blame-customer", lint.Agent, "詳情頁寫住㗎，你睇唔明嗎", true},
		{"base/blame-customer", lint.Agent, "詳情頁寫住㗎，你唔識睇咩", true},
		{"base/blame-customer", lint.Agent, "你听不懂人话吗", true},
		{"base/blame-customer", lint.Agent, "我已经跟快递说了好几遍了，今天一定给您派送", false},
		{"base/blame-customer", lint.Agent, "我哋已經同速遞講咗好多次，今日一定派到", false},
		{"base/blame-customer", lint.Agent, "我跟您说了好消息吗？活动延长了", false},
		{"base/blame-customer", lint.Agent, "您邊度睇唔明嗎？我一步步教您", false},
		{"base/blame-customer", lint.Agent, "有冇邊度聽唔明咩？我再講一次", false},
		{"base/blame-customer", lint.Agent, "您係唔係唔識睇物流？我教您", false},
		// …nor is what someone else told the customer, asked (how many times
		// did the courier say it?); said, it still reproaches
		{"base/blame-customer", lint.Agent, "快递员跟您说了几次？", false},
		{"base/blame-customer", lint.Agent, "请问师傅跟您讲过几次呢", false},
		{"base/blame-customer", lint.Agent, "之前的客服跟您说了几次？我帮您记录", false},
		{"base/blame-customer", lint.Agent, "师傅跟您说过了吗？", false},
		{"base/blame-customer", lint.Agent, "佢有冇同你講過幾多次㗎？", false},
		{"base/blame-customer", lint.Agent, "快递员已经跟您说过好几次了，您不在家", true},
		{"base/blame-customer", lint.Agent, "快递员不是跟您说过了吗", true},
		{"base/blame-customer", lint.Agent, "我跟你说了多少次了？", true},
		// ecommerce/insult-customer: 你有病 asked (是不是 / 是否, Cantonese 系咪),
		// 有毛病, 脑子进水, 是猪, 眼瞎 / 没长眼, Cantonese 痴线 (黐线) said
		// of the customer; a medical question, a product's fault and a system
		// gone 痴线 are none
		{"ecommerce/insult-customer", lint.Agent, "你是不是有病", true},
		{"ecommerce/insult-customer", lint.Agent, "您是不是有病啊，说了多少次了", true},
		{"ecommerce/insult-customer", lint.Agent, "你有毛病吧", true},
		{"ecommerce/insult-customer", lint.Agent, "你脑子进水了吧", true},
		{"ecommerce/insult-customer", lint.Agent, "你是猪吗", true},
		{"ecommerce/insult-customer", lint.Agent, "你眼瞎吗，详情页写着呢", true},
		{"ecommerce/insult-customer", lint.Agent, "你瞎啊", true},
		{"ecommerce/insult-customer", lint.Agent, "你没长眼睛吗", true},
		{"ecommerce/insult-customer", lint.Agent, "你係咪有病㗎", true},
		{"ecommerce/insult-customer", lint.Agent, "你黐線㗎", true},
		{"ecommerce/insult-customer", lint.Agent, "你系咪痴线啊", true},
		{"ecommerce/insult-customer", lint.Agent, "请问您是否有病史？", false},
		{"ecommerce/insult-customer", lint.Agent, "请问您是否有病在身？这款孕妇慎用", false},
		{"ecommerce/insult-customer", lint.Agent, "您是不是有病历可以提供", false},
		{"ecommerce/insult-customer", lint.Agent, "您的手机是不是有毛病？我帮您申请检测", false},
		{"ecommerce/insult-customer", lint.Agent, "这个开关有毛病吧，我帮您换", false},
		{"ecommerce/insult-customer", lint.Agent, "手机进水了可以送修", false},
		{"ecommerce/insult-customer", lint.Agent, "您是猪年出生吗？生肖款有货", false},
		{"ecommerce/insult-customer", lint.Agent, "个系统今日痴线咗，我帮你再试", false},
		{"ecommerce/insult-customer", lint.Agent, "您瞎买的那个也可以退", false},
		// …and 猪 / 瞎 asked as 有病 is (是不是, 系咪), with 吧 as 有毛病 is,
		// 眼睛瞎, Cantonese 盲 (blind) of the customer, and 脑子进水 / 脑子有病
		// asked; a zodiac, a blind person, an eye complaint, 瞎 as "at
		// random" and a phone in water are none
		{"ecommerce/insult-customer", lint.Agent, "你是不是猪啊", true},
		{"ecommerce/insult-customer", lint.Agent, "你是猪吧", true},
		{"ecommerce/insult-customer", lint.Agent, "你是不是瞎", true},
		{"ecommerce/insult-customer", lint.Agent, "你是不是瞎啊，详情页写着呢", true},
		{"ecommerce/insult-customer", lint.Agent, "您是不是眼瞎了？", true},
		{"ecommerce/insult-customer", lint.Agent, "你瞎了吧", true},
		{"ecommerce/insult-customer", lint.Agent, "你眼睛瞎了吗", true},
		{"ecommerce/insult-customer", lint.Agent, "你眼睛是不是瞎了", true},
		{"ecommerce/insult-customer", lint.Agent, "你盲㗎？寫到明", true},
		{"ecommerce/insult-customer", lint.Agent, "你係咪盲咗呀", true},
		{"ecommerce/insult-customer", lint.Agent, "您是不是猪年出生的？生肖款有货", false},
		{"ecommerce/insult-customer", lint.Agent, "您是盲人吗？我们有语音下单", false},
		{"ecommerce/insult-customer", lint.Agent, "您是不是瞎买的？不合适可以退", false},
		{"ecommerce/insult-customer", lint.Agent, "您别瞎操心啦，我们会处理好", false},
		{"ecommerce/insult-customer", lint.Agent, "您系咪盲人？我哋有語音落單", false},
		{"ecommerce/insult-customer", lint.Agent, "您的眼盲症状持续多久了？建议先就医", false},
		{"ecommerce/insult-customer", lint.Agent, "您眼睛瞎了多久了？建议先就医", false},
		{"ecommerce/insult-customer", lint.Agent, "你眼睛是不是瞎了啊", true},
		{"ecommerce/insult-customer", lint.Agent, "你脑子是不是进水了", true},
		{"ecommerce/insult-customer", lint.Agent, "你脑子是不是有病", true},
		{"ecommerce/insult-customer", lint.Agent, "你腦子係咪入咗水㗎", true},
		{"ecommerce/insult-customer", lint.Agent, "手机是不是进水了？可以送修", false},
		// …and 没长眼 only of the customer (or alone with a particle), not of
		// a toy or of someone else; 有病在身 asked with 是不是 is a pharmacy's
		// sincere question, as with 是否
		{"ecommerce/insult-customer", lint.Agent, "这只小熊没长眼睛是设计如此，不是瑕疵", false},
		{"ecommerce/insult-customer", lint.Agent, "玩偶没长眼睛的是婴儿款哦", false},
		{"ecommerce/insult-customer", lint.Agent, "快递员没长眼，放错了，非常抱歉", false},
		{"ecommerce/insult-customer", lint.Agent, "请问您是不是有病在身？这款孕妇慎用", false},
		{"ecommerce/insult-customer", lint.Agent, "你冇長眼㗎？", true},
		{"ecommerce/insult-customer", lint.Agent, "您是没长眼睛吗", true},
		{"ecommerce/insult-customer", lint.Agent, "没长眼啊？详情页写着呢", true},
		{"ecommerce/insult-customer", lint.Agent, "你是不是有病啊", true},
		// …傻 asked or with a particle, as 瞎 is, and 傻子 / 傻瓜 as 猪 is, in
		// Mandarin and Cantonese; 傻傻分不清, 傻眼 and 傻瓜相机 are no insult
		{"ecommerce/insult-customer", lint.Agent, "你是不是傻", true},
		{"ecommerce/insult-customer", lint.Agent, "你是不是傻啊，详情页写着呢", true},
		{"ecommerce/insult-customer", lint.Agent, "您是不是傻了？", true},
		{"ecommerce/insult-customer", lint.Agent, "你傻吗", true},
		{"ecommerce/insult-customer", lint.Agent, "你傻了吧", true},
		{"ecommerce/insult-customer", lint.Agent, "你是傻子吗", true},
		{"ecommerce/insult-customer", lint.Agent, "你係咪傻㗎", true},
		{"ecommerce/insult-customer", lint.Agent, "你傻咗呀？", true},
		{"ecommerce/insult-customer", lint.Agent, "您是不是傻傻分不清尺码？我帮您看", false},
		{"ecommerce/insult-customer", lint.Agent, "你是不是傻眼了，哈哈，这个价格确实很划算", false},
		{"ecommerce/insult-customer", lint.Agent, "您是傻瓜相机吗？这款是单反", false},
		{"ecommerce/insult-customer", lint.Agent, "我是不是傻了，看错了订单", false},
		// (…and called one outright, 你这个傻子, 你真是个傻子, not only asked;
		// 傻瓜相机, 傻瓜式 and the brand 傻子瓜子 are none, nor the fond
		// 你这个傻瓜，跟我客气什么)
		{"ecommerce/insult-customer", lint.Agent, "你这个傻子", true},
		{"ecommerce/insult-customer", lint.Agent, "你真是个傻子", true},
		{"ecommerce/insult-customer", lint.Agent, "你就是个傻瓜，详情页写着呢", true},
		{"ecommerce/insult-customer", lint.Agent, "您简直是个傻子啊", true},
		{"ecommerce/insult-customer", lint.Agent, "你这傻子，自己不会看吗", true},
		{"ecommerce/insult-customer", lint.Agent, "您这个傻瓜相机是哪年买的？", false},
		{"ecommerce/insult-customer", lint.Agent, "你这个傻子瓜子是在我们店买的吗", false},
		{"ecommerce/insult-customer", lint.Agent, "您是个傻瓜式操作就能用的", false},
		{"ecommerce/insult-customer", lint.Agent, "你这个傻瓜，跟我客气什么", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是个傻子，刚才看错了", false},
		// …and Cantonese's 傻仔 / 傻佬 / 傻女 as 傻子 is, with 嚟 before the
		// particle (is a …); 傻仔 said to no one asked is none
		{"ecommerce/insult-customer", lint.Agent, "你係咪傻仔嚟㗎", true},
		{"ecommerce/insult-customer", lint.Agent, "你係咪傻仔嚟㗎？詳情頁寫住㗎", true},
		{"ecommerce/insult-customer", lint.Agent, "你係咪傻佬嚟㗎", true},
		{"ecommerce/insult-customer", lint.Agent, "你係咪豬嚟㗎", true},
		{"ecommerce/insult-customer", lint.Agent, "你系咪傻㗎", true},
		{"ecommerce/insult-customer", lint.Agent, "我個傻仔都用緊呢款，好好用㗎", false},
		{"ecommerce/insult-customer", lint.Agent, "你係咪買畀個傻仔㗎？我幫你揀細碼", false},
		// (…and 嘅 ending the clause as a particle, as 㗎 does; 嘅 before a
		// noun is 的, 您系咪盲嘅人士 asks)
		{"ecommerce/insult-customer", lint.Agent, "你系咪傻嘅？", true},
		{"ecommerce/insult-customer", lint.Agent, "你系咪猪嚟嘅", true},
		{"ecommerce/insult-customer", lint.Agent, "你係咪傻仔嚟嘅？詳情頁寫住㗎", true},
		{"ecommerce/insult-customer", lint.Agent, "你盲嘅咩？", true},
		{"ecommerce/insult-customer", lint.Agent, "請問您系咪盲嘅人士？可以幫您讀", false},
		{"ecommerce/insult-customer", lint.Agent, "你傻嘅，唔使客气", false},
		// (…but 你 inside 迷你 (mini) is no customer: 呢款迷你盲嘅 is the mini
		// blind box; 请问您系咪盲嘅？ asked politely is still the insult, a
		// sincere question names the person, 盲嘅人士)
		{"ecommerce/insult-customer", lint.Agent, "呢款迷你盲嘅", false},
		{"ecommerce/insult-customer", lint.Agent, "呢款迷你盲嘅，拆开先知系边只", false},
		{"ecommerce/insult-customer", lint.Agent, "呢个迷你系咪盲嘅？系嘅，随机发", false},
		{"ecommerce/insult-customer", lint.Agent, "呢款迷你，你系咪盲嘅？", true},
		{"ecommerce/insult-customer", lint.Agent, "请问您系咪盲嘅？", true},
		// (…while an insult word of the rule's own after 迷你 is one as
		// anywhere else: 迷你款白痴都会用)
		{"ecommerce/insult-customer", lint.Agent, "这个迷你款白痴都会用", true},
		{"ecommerce/insult-customer", lint.Agent, "迷你版脑残都知道怎么用", true},
		{"ecommerce/insult-customer", lint.Agent, "买迷你款的都是神经病", true},
		{"ecommerce/insult-customer", lint.Agent, "迷你款傻逼都会用", true},
		{"ecommerce/insult-customer", lint.Agent, "嫌迷你小就去死", true},
		{"ecommerce/insult-customer", lint.Agent, "迷你款随便投诉", true},
		{"ecommerce/insult-customer", lint.Agent, "呢款迷你盲盒系盲嘅，拆开先知", false},
		// …and the agent calling herself names for her own blunder, 白痴 /
		// 脑残 / 蠢货 of 我 (小妹 …) starting the clause, as 我脑子进水了 is
		// hers since 63bd3a4; of the customer, or a retort, it is an insult
		{"ecommerce/insult-customer", lint.Agent, "我真是个白痴，刚才看错了", false},
		{"ecommerce/insult-customer", lint.Agent, "瞧我这脑残，发错链接了", false},
		{"ecommerce/insult-customer", lint.Agent, "不好意思，我真是白痴，看错订单了", false},
		{"ecommerce/insult-customer", lint.Agent, "您看小妹这脑残，马上给您改", false},
		{"ecommerce/insult-customer", lint.Agent, "哎呀我真是个蠢货，发错颜色了", false},
		{"ecommerce/insult-customer", lint.Agent, "我简直就是个白痴", false},
		// (…and the shop's agents of themselves, 我们 / 咱们 / 我哋, as 我 is;
		// a retort of theirs is still one)
		{"ecommerce/insult-customer", lint.Agent, "我们真是白痴，看错了", false},
		{"ecommerce/insult-customer", lint.Agent, "不好意思，我们都是白痴，把单号发错了", false},
		{"ecommerce/insult-customer", lint.Agent, "您看我们这脑残，马上给您改", false},
		{"ecommerce/insult-customer", lint.Agent, "咱们真是蠢货，发错颜色了", false},
		{"ecommerce/insult-customer", lint.Agent, "我哋真系白痴，睇錯咗", false},
		{"ecommerce/insult-customer", lint.Agent, "我们又不是白痴", true},
		{"ecommerce/insult-customer", lint.Agent, "你当我们是白痴啊", true},
		{"ecommerce/insult-customer", lint.Agent, "我们是白痴吗？", true},
		// (…but the self-name is a jab where the next clause says the time
		// spent on the customer, 跟你说了半小时; with her own blunder named
		// after it, or 都 / 才 going on, it is an apology)
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说了半小时", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是个白痴，跟你讲了这么久", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说了半天你还不明白", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您聊了一个小时都白说了", true},
		{"ecommerce/insult-customer", lint.Agent, "我真系白痴，同你講咗半個鐘", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，刚才看错了", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说错了地址，马上改", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说了半天，原来是我看错了订单", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说了半天都没说清楚，抱歉", false},
		{"ecommerce/insult-customer", lint.Agent, "白痴，跟你说了半天，你自己看错了", true},
		{"ecommerce/insult-customer", lint.Agent, "我们真是白痴，跟你们讲了这么久", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您确认了一下，是发错了", false},
		// (…and the blunder's except asks for the jab's clause before it, and
		// a blunder owned: with a self-name alone, or denied or asked, the
		// name is an insult)
		{"ecommerce/insult-customer", lint.Agent, "白痴，我说错了吗？", true},
		{"ecommerce/insult-customer", lint.Agent, "白痴，我哪里说错了", true},
		{"ecommerce/insult-customer", lint.Agent, "你这个白痴，我说错了吗", true},
		{"ecommerce/insult-customer", lint.Agent, "脑残，我又没写错", true},
		{"ecommerce/insult-customer", lint.Agent, "蠢货，我怎么会搞错", true},
		{"ecommerce/insult-customer", lint.Agent, "白痴，我没看错吧", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说了半天，我说错了吗？", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说了半天，我哪里说错了", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您讲了这么久，其实是我们发错货了", false},
		{"ecommerce/insult-customer", lint.Agent, "我真系白痴，同你讲咗半个钟，原来系我睇錯咗", false},
		// (…and so is an apology after the jab's clause, or her blunder said
		// as 没看清 / 是我的问题; the time wasted said as hers is a jab)
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说了这么久，不好意思耽误您时间了", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说了半天，耽误您时间了，抱歉", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说了半天，是我没看清楚", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您聊了半天，是我的问题", false},
		{"ecommerce/insult-customer", lint.Agent, "我真系白痴，同你讲咗半个钟，唔好意思", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说了半天，耽误我时间", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说了半天，你没看清楚吗", true},
		// (…and so is the jab's clause without 了, 跟你说这么久, and the time
		// said as an afternoon, 陪你聊了一下午; 跟您说一下 is no time spent)
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说这么久", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，陪你聊了一下午", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你讲这么久你还不懂", true},
		{"ecommerce/insult-customer", lint.Agent, "我真系白痴，同你讲半个钟", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，陪你耗一晚", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说一下，是我看错了", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说这么久，不好意思", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，陪您聊了一下午，抱歉耽误您了", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说一下时间", false},
		// (…and 别介意 / 见谅 / 包涵 after it are apologies, as 抱歉 is)
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，和您说这么多，您别介意", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说了半天，请见谅", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说了这么久，多多包涵", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说了半天，介意吗", true},
		// (…but without 了 a day named is what was told, not time spent:
		// 说好 (agreed) the day, 跟您说那天; 跟你说好久 is time spent)
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说好了明天的，结果记错了", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说好明天的，结果记成后天", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说好的明天，结果发成后天了", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟您说那天，其实是今天", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说好久", true},
		{"ecommerce/insult-customer", lint.Agent, "我真系白痴，同你讲好耐", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，跟你说那么久你还不懂", true},
		{"ecommerce/insult-customer", lint.Agent, "我真系白痴，同你讲咁耐", true},
		// (…and where the next clause asks whether the customer is pleased
		// now, 你满意了吧, the self-name is a jab too)
		{"ecommerce/insult-customer", lint.Agent, "我们也是白痴，你满意了吧", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，这下你满意了吧？", true},
		{"ecommerce/insult-customer", lint.Agent, "行，我们都是白痴，您高兴了吗", true},
		{"ecommerce/insult-customer", lint.Agent, "我哋真系白痴，你开心咗未", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，满意了吧", true},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，开心了半天，原来是发错了", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是白痴，看错了，现在改好了，您满意吗", false},
		{"ecommerce/insult-customer", lint.Agent, "你是白痴吗", true},
		{"ecommerce/insult-customer", lint.Agent, "你脑残啊", true},
		{"ecommerce/insult-customer", lint.Agent, "白痴，详情页写着呢", true},
		{"ecommerce/insult-customer", lint.Agent, "我看你就是个白痴", true},
		{"ecommerce/insult-customer", lint.Agent, "我又不是白痴", true},
		{"ecommerce/insult-customer", lint.Agent, "你当我是白痴啊", true},
		{"ecommerce/insult-customer", lint.Agent, "你以为我是白痴吗", true},
		{"ecommerce/insult-customer", lint.Agent, "我是白痴吗？你说什么我都信", true},
		{"ecommerce/insult-customer", lint.Agent, "我是白痴才信你", true},
		{"ecommerce/insult-customer", lint.Agent, "我跟白痴说话真累", true},
		// (…and 你看我像个白痴, asked without 吗, is a retort: 像 only where
		// 看 / 瞧 is not before 我, 我真像个白痴，又看错了)
		{"ecommerce/insult-customer", lint.Agent, "你看我像个白痴", true},
		{"ecommerce/insult-customer", lint.Agent, "您看我像个蠢货，跟您说了半天", true},
		{"ecommerce/insult-customer", lint.Agent, "你看我像白痴", true},
		{"ecommerce/insult-customer", lint.Agent, "我真像个白痴，又看错了", false},
		{"ecommerce/insult-customer", lint.Agent, "您看我这脑残，马上给您改", false},
		// …and 傻 said fondly, the thanks waved away right after it; 你傻呀
		// alone or before anything else is still one
		{"ecommerce/insult-customer", lint.Agent, "你傻呀，不用谢", false},
		{"ecommerce/insult-customer", lint.Agent, "你傻啊，跟我客气什么", false},
		{"ecommerce/insult-customer", lint.Agent, "您傻呀，不客气的，应该的", false},
		{"ecommerce/insult-customer", lint.Agent, "你傻㗎，唔使客气", false},
		{"ecommerce/insult-customer", lint.Agent, "你傻呀", true},
		{"ecommerce/insult-customer", lint.Agent, "你傻呀，详情页写着呢", true},
		{"ecommerce/insult-customer", lint.Agent, "你傻呀？自己不会看吗", true},
		// …and 脑子进水 / 脑子有病 / 瞎了眼 only of the customer (or alone, asked
		// or with a particle): the agent's own, someone else's and a laptop's
		// are none
		{"ecommerce/insult-customer", lint.Agent, "我脑子进水了", false},
		{"ecommerce/insult-customer", lint.Agent, "不好意思，我脑子进水了，发错了型号", false},
		{"ecommerce/insult-customer", lint.Agent, "您看我这脑子进水了，马上给您改", false},
		{"ecommerce/insult-customer", lint.Agent, "我脑子是不是进水了，刚才看错了", false},
		{"ecommerce/insult-customer", lint.Agent, "我腦子入咗水，搞錯咗，唔好意思", false},
		{"ecommerce/insult-customer", lint.Agent, "我真是糊涂了，马上给您改", false},
		{"ecommerce/insult-customer", lint.Agent, "我瞎了眼没看到您的留言，非常抱歉", false},
		{"ecommerce/insult-customer", lint.Agent, "快递员脑子进水了，放错了柜子，非常抱歉", false},
		{"ecommerce/insult-customer", lint.Agent, "您的电脑是不是进水了？可以送修", false},
		// …nor where the agent names itself otherwise, 小妹 / 妹子 / 俺 / 咱
		{"ecommerce/insult-customer", lint.Agent, "不好意思，您看小妹这脑子进水了，马上给您改", false},
		{"ecommerce/insult-customer", lint.Agent, "亲，您看妹子这脑子有问题，又发错了", false},
		{"ecommerce/insult-customer", lint.Agent, "您看俺这脑子进水了", false},
		{"ecommerce/insult-customer", lint.Agent, "您瞧咱这脑袋进水了，马上改", false},
		{"ecommerce/insult-customer", lint.Agent, "您看小妹瞎了眼，没看到您的备注", false},
		{"ecommerce/insult-customer", lint.Agent, "您这脑子进水了吧", true},
		{"ecommerce/insult-customer", lint.Agent, "你脑子进水了", true},
		{"ecommerce/insult-customer", lint.Agent, "您脑袋进水了吧", true},
		{"ecommerce/insult-customer", lint.Agent, "你这脑子有问题吧", true},
		{"ecommerce/insult-customer", lint.Agent, "你是不是脑子有病", true},
		{"ecommerce/insult-customer", lint.Agent, "你個腦入咗水呀", true},
		{"ecommerce/insult-customer", lint.Agent, "脑子进水了吧？详情页写着呢", true},
		{"ecommerce/insult-customer", lint.Agent, "脑子是不是进水了？", true},
		{"ecommerce/insult-customer", lint.Agent, "你瞎了眼吗", true},
		{"ecommerce/insult-customer", lint.Agent, "瞎了狗眼", true},
		// "none of my business" without 的 and asked back (不关我事, 关我什么事),
		// and in Cantonese (唔关我事, 关我咩事): base/evasive-phrase, as
		// 不关我的事 is; the 我们 forms (不关我们事, 唔关我哋事, 关我们什么事)
		// base/blame-customer, as 不关我们的事 is
		{"base/evasive-phrase", lint.Agent, "这个不关我事啊", true},
		{"base/evasive-phrase", lint.Agent, "不关我事，你找快递", true},
		{"base/evasive-phrase", lint.Agent, "关我什么事", true},
		{"base/evasive-phrase", lint.Agent, "这关我啥事啊", true},
		{"base/evasive-phrase", lint.Agent, "唔關我事㗎", true},
		{"base/evasive-phrase", lint.Agent, "呢啲關我咩事呀", true},
		{"base/evasive-phrase", lint.Agent, "关我乜事", true},
		{"base/evasive-phrase", lint.Agent, "您说“这不关我事”的客服是哪位？我们严肃处理", false},
		{"base/evasive-phrase", lint.Agent, "开关我什么时候帮您换都可以", false},
		{"base/evasive-phrase", lint.Agent, "这不关您的事，是我们发错了，非常抱歉", false},
		{"base/blame-customer", lint.Agent, "这个不关我们事", true},
		{"base/blame-customer", lint.Agent, "唔關我哋事，你問速遞", true},
		{"base/blame-customer", lint.Agent, "关我们什么事", true},
		{"base/blame-customer", lint.Agent, "關我哋咩事", true},
		{"base/blame-customer", lint.Agent, "这不关您的事，是我们发错了，非常抱歉", false},
		{"base/blame-customer", lint.Agent, "开关我们什么时候帮您换都可以", false},
		// …and 002 十四's 这事跟我没关系 asked back (跟我有什么关系), and in
		// Cantonese (同我哋冇关系, 同我有咩关系): base/evasive-phrase, as 跟我
		// 没关系 is; a relation named or quoted back is none
		{"base/evasive-phrase", lint.Agent, "这跟我有什么关系", true},
		{"base/evasive-phrase", lint.Agent, "这和我们有啥关系啊，找快递去", true},
		{"base/evasive-phrase", lint.Agent, "跟我们这边有半毛钱关系吗", true},
		{"base/evasive-phrase", lint.Agent, "呢件事同我哋冇關係", true},
		{"base/evasive-phrase", lint.Agent, "同我有咩關係呀", true},
		{"base/evasive-phrase", lint.Agent, "跟我们有合作关系的快递是顺丰", false},
		{"base/evasive-phrase", lint.Agent, "您说客服回“这跟我有什么关系”？我们马上核实", false},
		{"base/evasive-phrase", lint.Agent, "这跟我们什么时候发货有关系", false},
		// callcenter/forbidden-particle: 恩 in a place's or a person's name or
		// a set phrase is no 嗯, as in 恩施 and 感恩
		{"callcenter/forbidden-particle", lint.Agent, "恩平站今天会派送", false},
		{"callcenter/forbidden-particle", lint.Agent, "恩阳区可以送达", false},
		{"callcenter/forbidden-particle", lint.Agent, "周恩来纪念馆的地址已为您查到", false},
		{"callcenter/forbidden-particle", lint.Agent, "恩格尔系数这本书有货", false},
		{"callcenter/forbidden-particle", lint.Agent, "这句忘恩负义是书名", false},
		{"callcenter/forbidden-particle", lint.Agent, "知恩图报的字画有现货", false},
		{"callcenter/forbidden-particle", lint.Agent, "恩，平时都是第二天到", true},
		{"callcenter/forbidden-particle", lint.Agent, "恩恩 平安到达就好", true},
		{"callcenter/forbidden-particle", lint.Agent, "恩来了", true},
		{"callcenter/forbidden-particle", lint.Agent, "已经帮您登记了恩", true},
		// …but 恩 before 平时 / 平台 is the particle before a word, no
		// place (嗯，平时… / 嗯，平台…), while 恩平 the place still passes,
		// also beside 台山 (恩平台山, two towns of Jiangmen)
		{"callcenter/forbidden-particle", lint.Agent, "恩平时两天就到", true},
		{"callcenter/forbidden-particle", lint.Agent, "恩恩平时都是第二天到", true},
		{"callcenter/forbidden-particle", lint.Agent, "恩平台显示已经签收了", true},
		{"callcenter/forbidden-particle", lint.Agent, "好的恩平台", true},
		{"callcenter/forbidden-particle", lint.Agent, "恩平市今天可以送达", false},
		{"callcenter/forbidden-particle", lint.Agent, "恩平", false},
		{"callcenter/forbidden-particle", lint.Agent, "恩平台山开平都可以送", false},
		// (…and 恩平 before 时间, or before 台风 (a typhoon), is the place,
		// while 恩平台风控 is 嗯，平台风控)
		{"callcenter/forbidden-particle", lint.Agent, "广州到恩平时间要两天", false},
		{"callcenter/forbidden-particle", lint.Agent, "恩平台风很大，快递延误了", false},
		{"callcenter/forbidden-particle", lint.Agent, "恩平台风控还在审核", true},
		// (…and so before 时 "when" after a verb of going or being there,
		// 快递到恩平时… / 您在恩平时… / 回恩平时…, while 收到 or 好的 before
		// it leaves 嗯，平时…)
		{"callcenter/forbidden-particle", lint.Agent, "快递到恩平时会给您打电话", false},
		{"callcenter/forbidden-particle", lint.Agent, "您在恩平时可以到门店自提", false},
		{"callcenter/forbidden-particle", lint.Agent, "回恩平时记得带上发票", false},
		{"callcenter/forbidden-particle", lint.Agent, "收到恩平时都是第二天到", true},
		{"callcenter/forbidden-particle", lint.Agent, "好的恩平时都是第二天到", true},
		{"callcenter/forbidden-particle", lint.Agent, "恩恩恩平时都是第二天到", true},
		// (…and so with 了 on the verb, 到了恩平时…, while 收到了 / 好了 before
		// it is 嗯, as 收到 / 好的 are)
		{"callcenter/forbidden-particle", lint.Agent, "到了恩平时给您打电话", false},
		{"callcenter/forbidden-particle", lint.Agent, "快递到了恩平时会联系您", false},
		{"callcenter/forbidden-particle", lint.Agent, "您来了恩平时可以到门店自提", false},
		{"callcenter/forbidden-particle", lint.Agent, "收到了恩平时都是第二天到", true},
		{"callcenter/forbidden-particle", lint.Agent, "好了恩平时都是第二天到", true},
		{"callcenter/forbidden-particle", lint.Agent, "了恩平时都是第二天到", true},
		// (…and after 到达 / 抵达, read by 达, 了 on it or not; 收到 / 好的
		// before it are 嗯 as before)
		{"callcenter/forbidden-particle", lint.Agent, "快递到达恩平时会给您打电话", false},
		{"callcenter/forbidden-particle", lint.Agent, "包裹抵达恩平时会短信通知您", false},
		{"callcenter/forbidden-particle", lint.Agent, "快递到达了恩平时会联系您", false},
		// (…and before 时效, the time a delivery takes: 广东恩平时效两到三天,
		// where 恩平时效果 is 嗯，平时效果…)
		{"callcenter/forbidden-particle", lint.Agent, "恩平时效一般两天", false},
		{"callcenter/forbidden-particle", lint.Agent, "广东恩平时效是两到三天", false},
		{"callcenter/forbidden-particle", lint.Agent, "寄恩平时效是两到三天", false},
		{"callcenter/forbidden-particle", lint.Agent, "恩平时效果挺好的", true},
		// …while 恩 before 图 / 负 is 嗯 typed as 恩 where 知 / 忘 does not
		// come before it (知恩图报, 忘恩负义 are known by those)
		{"callcenter/forbidden-particle", lint.Agent, "恩图片收到了，我帮您看下", true},
		{"callcenter/forbidden-particle", lint.Agent, "恩负责的同事会联系您", true},
		{"callcenter/forbidden-particle", lint.Agent, "恩 图片收到了", true},
		// ecommerce/absolute-promise in Cantonese: the day as HK says it
		// (听日 / 今日 / 后日), and 唔 / 冇 before the promise word a hedge, as
		// 不 / 没办法 are (唔保证, 唔一定, 冇办法保证一定…, 唔可以保证一定…)
		{"ecommerce/absolute-promise", lint.Agent, "保證聽日送到", true},
		{"ecommerce/absolute-promise", lint.Agent, "一定聽日到", true},
		{"ecommerce/absolute-promise", lint.Agent, "肯定後日到㗎", true},
		{"ecommerce/absolute-promise", lint.Agent, "保證今日發貨", true},
		{"ecommerce/absolute-promise", lint.Agent, "唔保證送到", false},
		{"ecommerce/absolute-promise", lint.Agent, "唔一定完好㗎", false},
		{"ecommerce/absolute-promise", lint.Agent, "唔一定聽日到", false},
		{"ecommerce/absolute-promise", lint.Agent, "冇辦法保證一定送到", false},
		{"ecommerce/absolute-promise", lint.Agent, "我哋唔可以保證一定完好", false},
		{"ecommerce/absolute-promise", lint.Agent, "唔敢保證聽日一定到", false},
		// …and so are 冇 before the promise word (冇一定, "not necessarily";
		// 冇保证), and 讲 / Cantonese 话 after the hedge as 说 (不能说一定):
		// 唔敢讲一定, 唔可以话一定, 冇保证一定; a promise after them still is one
		{"ecommerce/absolute-promise", lint.Agent, "冇一定聽日到㗎，睇速遞", false},
		{"ecommerce/absolute-promise", lint.Agent, "冇保證送到㗎", false},
		{"ecommerce/absolute-promise", lint.Agent, "我哋冇保證一定聽日到", false},
		{"ecommerce/absolute-promise", lint.Agent, "我唔敢講一定聽日到", false},
		{"ecommerce/absolute-promise", lint.Agent, "唔可以話一定送到㗎", false},
		{"ecommerce/absolute-promise", lint.Agent, "我不敢讲一定送到", false},
		{"ecommerce/absolute-promise", lint.Agent, "冇問題，聽日一定送到", true},
		{"ecommerce/absolute-promise", lint.Agent, "我同你講，聽日一定到", true},
		// …and Mandarin's "not necessarily" said with 是 (不是一定 / 不是百分百 /
		// 也不是绝对 / 不是每次都一定到, Cantonese 唔係一定), 未必 / 不见得,
		// 不一定 (能) before 保证, and 能 said 能够 (不能够保证一定 /
		// 不能够一定); a promise in the next clause, 是 without 不 or 能够
		// without 不, still is one
		{"ecommerce/absolute-promise", lint.Agent, "不是一定明天到的，一般两三天", false},
		{"ecommerce/absolute-promise", lint.Agent, "这个不是一定能到的", false},
		{"ecommerce/absolute-promise", lint.Agent, "并不是百分百能到", false},
		{"ecommerce/absolute-promise", lint.Agent, "也不是绝对不会掉色", false},
		{"ecommerce/absolute-promise", lint.Agent, "不是每次都一定到", false},
		{"ecommerce/absolute-promise", lint.Agent, "唔係一定聽日到", false},
		{"ecommerce/absolute-promise", lint.Agent, "未必一定到，要看快递", false},
		{"ecommerce/absolute-promise", lint.Agent, "不见得一定到", false},
		{"ecommerce/absolute-promise", lint.Agent, "我们不能够保证一定明天到", false},
		{"ecommerce/absolute-promise", lint.Agent, "不能够一定到", false},
		{"ecommerce/absolute-promise", lint.Agent, "我们也不一定能保证明天一定送到", false},
		{"ecommerce/absolute-promise", lint.Agent, "不一定能保证一定到", false},
		{"ecommerce/absolute-promise", lint.Agent, "不是今天发，保证明天到", true},
		{"ecommerce/absolute-promise", lint.Agent, "不一定今天发，但明天一定能到", true},
		{"ecommerce/absolute-promise", lint.Agent, "我们能够保证明天送到", true},
		{"ecommerce/absolute-promise", lint.Agent, "是一定能到的", true},
		// (…the hedge right before the promise word, 说 / 每次 / 都 …
		// between at most, and 并非 as 不是: 不是今天就是明天一定到 (either
		// day), 不必担心 (no need to worry) and 不够 / 不得 / 唔得 before
		// it promise)
		{"ecommerce/absolute-promise", lint.Agent, "并非一定明天到", false},
		{"ecommerce/absolute-promise", lint.Agent, "不是说一定明天到，要看快递", false},
		{"ecommerce/absolute-promise", lint.Agent, "不是今天就是明天一定到", true},
		{"ecommerce/absolute-promise", lint.Agent, "不是今天就是明天肯定到", true},
		{"ecommerce/absolute-promise", lint.Agent, "您不必担心我们一定明天送到", true},
		{"ecommerce/absolute-promise", lint.Agent, "放心不是假货一定明天到", true},
		{"ecommerce/absolute-promise", lint.Agent, "库存不够一定明天到", true},
		// (…and 保证 itself right after the hedge, without 一定: 不能够 /
		// 难以 / 不好 / 唔可以 保证, where the guard's one character before
		// the promise word is 够 / 以 / 好, and 不是保证 as 不是一定; 能够保证
		// without 不 and a 保证 in the next clause promise)
		{"ecommerce/absolute-promise", lint.Agent, "不能够保证明天到", false},
		{"ecommerce/absolute-promise", lint.Agent, "我们不能够保证明天送到，一般两三天", false},
		{"ecommerce/absolute-promise", lint.Agent, "难以保证明天到，要看快递", false},
		{"ecommerce/absolute-promise", lint.Agent, "这个不好保证明天到，要看快递", false},
		{"ecommerce/absolute-promise", lint.Agent, "唔可以保證聽日到", false},
		{"ecommerce/absolute-promise", lint.Agent, "不是保证明天到的，一般两三天", false},
		{"ecommerce/absolute-promise", lint.Agent, "保证明天到", true},
		{"ecommerce/absolute-promise", lint.Agent, "一定明天到", true},
		{"ecommerce/absolute-promise", lint.Agent, "绝对能到", true},
		{"ecommerce/absolute-promise", lint.Agent, "能够保证明天到", true},
		{"ecommerce/absolute-promise", lint.Agent, "不能够退，但保证明天到", true},
		// (…but a bare 不 / 唔 / 冇 right before the promise word is the
		// guard's, not the except's: the promise later in the clause after
		// 不一定 / 唔一定 / 不敢肯定 stands)
		{"ecommerce/absolute-promise", lint.Agent, "不一定今天到但明天肯定到", true},
		{"ecommerce/absolute-promise", lint.Agent, "不一定今天发但保证明天到", true},
		{"ecommerce/absolute-promise", lint.Agent, "唔一定今日到但听日保证到", true},
		{"ecommerce/absolute-promise", lint.Agent, "不敢肯定今天到但明天一定到", true},
		{"ecommerce/absolute-promise", lint.Agent, "冇得保证听日到，要睇速递", false},
		{"ecommerce/absolute-promise", lint.Agent, "不一定能够保证明天到，一般两三天", false},
		// (…and 不可以 before 保证, as 唔可以 is; the promise in the next clause
		// still stands)
		{"ecommerce/absolute-promise", lint.Agent, "不可以保证明天到", false},
		{"ecommerce/absolute-promise", lint.Agent, "这个我们不可以保证明天送到，一般两三天", false},
		{"ecommerce/absolute-promise", lint.Agent, "不可以保证一定明天到，要看快递", false},
		{"ecommerce/absolute-promise", lint.Agent, "我哋不可以保證聽日到", false},
		{"ecommerce/absolute-promise", lint.Agent, "不可以退，但保证明天到", true},
		{"ecommerce/absolute-promise", lint.Agent, "可以保证明天到", true},
		// (…and 不会 / 没得 before 保证, as 不可以 / 冇得 are; the promise in
		// the next clause, or 会 without 不, still stands)
		{"ecommerce/absolute-promise", lint.Agent, "这个不会保证明天到的", false},
		{"ecommerce/absolute-promise", lint.Agent, "我们不会保证明天送到，一般两三天", false},
		{"ecommerce/absolute-promise", lint.Agent, "没得保证明天到", false},
		{"ecommerce/absolute-promise", lint.Agent, "没得保证哦", false},
		{"ecommerce/absolute-promise", lint.Agent, "没得保证明天一定到，要看快递", false},
		{"ecommerce/absolute-promise", lint.Agent, "我们会保证明天到", true},
		{"ecommerce/absolute-promise", lint.Agent, "不会退，但保证明天到", true},
		{"ecommerce/absolute-promise", lint.Agent, "没得退，但保证明天到", true},
		{"ecommerce/absolute-promise", lint.Agent, "放心，不会掉色，保证明天到", true},
		// base/rude-phrase: 我忙着呢 said outright (002 十四), 我没空理你,
		// 懒得理你, and in Cantonese; denied or what the customer took it for
		// is an apology
		{"base/rude-phrase", lint.Agent, "我没空理你", true},
		{"base/rude-phrase", lint.Agent, "没空理你，自己看详情页", true},
		{"base/rude-phrase", lint.Agent, "懒得理你", true},
		{"base/rude-phrase", lint.Agent, "我们没时间理您", true},
		{"base/rude-phrase", lint.Agent, "我现在没有空理你", true},
		{"base/rude-phrase", lint.Agent, "不想搭理你", true},
		{"base/rude-phrase", lint.Agent, "我而家唔得閒理你", true},
		{"base/rude-phrase", lint.Agent, "冇空理你呀", true},
		{"base/rude-phrase", lint.Agent, "不是没空理您，刚才咨询的人比较多，非常抱歉", false},
		{"base/rude-phrase", lint.Agent, "我们绝不是故意不想理您，非常抱歉", false},
		{"base/rude-phrase", lint.Agent, "您是不是觉得我们懒得理您？非常抱歉让您久等了", false},
		{"base/rude-phrase", lint.Agent, "唔系唔想理你，啱啱太多人问", false},
		{"base/rude-phrase", lint.Agent, "我现在帮您处理您的订单", false},
		// …and with 理睬, 没功夫 / 没那闲工夫, and Cantonese's 睬 and 懒理
		// (理 in Cantonese is 睬: 唔睬你, 冇时间睬你), denied as 理 is
		{"base/rude-phrase", lint.Agent, "懒得理睬你", true},
		{"base/rude-phrase", lint.Agent, "现在没空理睬您", true},
		{"base/rude-phrase", lint.Agent, "不想理睬你", true},
		{"base/rude-phrase", lint.Agent, "没功夫理你", true},
		{"base/rude-phrase", lint.Agent, "我没那闲工夫理你", true},
		{"base/rude-phrase", lint.Agent, "没那么多时间理你", true},
		{"base/rude-phrase", lint.Agent, "我懶理你呀", true},
		{"base/rude-phrase", lint.Agent, "冇時間睬你", true},
		{"base/rude-phrase", lint.Agent, "我而家唔得閒睬你", true},
		{"base/rude-phrase", lint.Agent, "唔想睬你", true},
		{"base/rude-phrase", lint.Agent, "不是不想理睬您，刚才咨询的人比较多", false},
		{"base/rude-phrase", lint.Agent, "唔系唔想睬你，啱啱太多人問", false},
		{"base/rude-phrase", lint.Agent, "您是不是觉得我们懒得理睬您？非常抱歉", false},
		{"base/rude-phrase", lint.Agent, "我们没功夫的话会请同事帮您处理", false},
		// …and denied as a question back, or said never to happen
		{"base/rude-phrase", lint.Agent, "我们怎么会不想理您呢，刚才咨询的人太多了，非常抱歉", false},
		{"base/rude-phrase", lint.Agent, "哪里会懒得理您呢，非常抱歉让您久等了", false},
		{"base/rude-phrase", lint.Agent, "您放心，我们不会不想理您的", false},
		{"base/rude-phrase", lint.Agent, "點會唔想睬你呢，啱啱太多人問", false},
		{"base/rude-phrase", lint.Agent, "我不会再理你了，懒得理你", true},
		// callcenter/bu-phrase: 不能便宜 (→ 无法再低了) in Cantonese, 平 being
		// 便宜; asked (可唔可以平啲, 有冇得平), under a condition, and the boast
		// 冇得平过 ("nowhere cheaper") pass. callcenter/refusal-apology reads
		// the refusal of the price as it reads 不能再便宜
		{"callcenter/bu-phrase", lint.Agent, "唔可以再平", true},
		{"callcenter/bu-phrase", lint.Agent, "呢個價錢唔可以再平", true},
		{"callcenter/bu-phrase", lint.Agent, "冇得再平", true},
		{"callcenter/bu-phrase", lint.Agent, "呢個價已經冇得平㗎喇", true},
		{"callcenter/bu-phrase", lint.Agent, "唔可以再平啲喇", true},
		{"callcenter/bu-phrase", lint.Agent, "呢個價平唔到喇", true},
		{"callcenter/bu-phrase", lint.Agent, "您問可唔可以平啲？我幫您申請優惠券", false},
		{"callcenter/bu-phrase", lint.Agent, "您問有冇得平？我幫您睇下", false},
		{"callcenter/bu-phrase", lint.Agent, "全港冇得平過，放心買", false},
		{"callcenter/bu-phrase", lint.Agent, "如果冇得再平，我哋送你贈品", false},
		{"callcenter/bu-phrase", lint.Agent, "唔可以平嘅話，我幫你申請優惠券", false},
		{"callcenter/bu-phrase", lint.Agent, "呢款唔可以平放", false},
		{"callcenter/refusal-apology", lint.Agent, "呢個價錢唔可以再平", true},
		{"callcenter/refusal-apology", lint.Agent, "冇得再平㗎", true},
		{"callcenter/refusal-apology", lint.Agent, "唔可以再平啲喇", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，呢個價錢唔可以再平", false},
		{"callcenter/refusal-apology", lint.Agent, "對唔住，冇得再平㗎", false},
		{"callcenter/refusal-apology", lint.Agent, "全港冇得平過，放心買", false},
		{"callcenter/refusal-apology", lint.Agent, "您問可唔可以平啲？我幫您申請", false},
		{"callcenter/refusal-apology", lint.Agent, "您問有冇得平？我幫您睇下", false},
		{"callcenter/refusal-apology", lint.Agent, "如果冇得再平，我哋送你贈品", false},
		{"callcenter/refusal-apology", lint.Agent, "唔可以再平嘅話，我幫你申請優惠券", false},
		{"callcenter/refusal-apology", lint.Agent, "呢款唔可以平放", false},
		// …whatever particle ends it, as bu-phrase reads it and as 不能再便宜啊 is
		// read: 啊 嘛 咯 吖 咋 嘞 噃 呢 哈 …
		{"callcenter/refusal-apology", lint.Agent, "冇得再平啊", true},
		{"callcenter/refusal-apology", lint.Agent, "呢個價錢唔可以再平呢", true},
		{"callcenter/refusal-apology", lint.Agent, "冇得再平嘛，已經係最低價", true},
		{"callcenter/refusal-apology", lint.Agent, "呢個價唔可以再平咯", true},
		{"callcenter/refusal-apology", lint.Agent, "冇得平吖", true},
		{"callcenter/refusal-apology", lint.Agent, "真係冇得再平嘞", true},
		{"callcenter/refusal-apology", lint.Agent, "冇得再平哈亲", true},
		{"callcenter/refusal-apology", lint.Agent, "對唔住，冇得再平啊", false},
		{"callcenter/refusal-apology", lint.Agent, "全港冇得平過啊", false},
		// …and the price refused with 减 (to cut it) after 再, in Mandarin and
		// Cantonese (001 五.五.4: 不能便宜 → 无法再低了); asked, under a
		// condition, a quantity (不能再减少) and an apology first pass
		{"callcenter/bu-phrase", lint.Agent, "唔可以再减", true},
		{"callcenter/bu-phrase", lint.Agent, "呢個價唔可以再減喇", true},
		{"callcenter/bu-phrase", lint.Agent, "冇得再減㗎", true},
		{"callcenter/bu-phrase", lint.Agent, "这个价格不能再减了", true},
		{"callcenter/bu-phrase", lint.Agent, "亲，不能再减价了", true},
		{"callcenter/bu-phrase", lint.Agent, "您問可唔可以再減？我幫您申請優惠券", false},
		{"callcenter/bu-phrase", lint.Agent, "您問有冇得再減？我幫您睇下", false},
		{"callcenter/bu-phrase", lint.Agent, "如果冇得再減，我哋送你贈品", false},
		{"callcenter/bu-phrase", lint.Agent, "唔可以再減嘅話，我幫你申請優惠券", false},
		{"callcenter/bu-phrase", lint.Agent, "订单数量不能再减少了，最少两件", false},
		{"callcenter/bu-phrase", lint.Agent, "这个价格已经无法再低了", false},
		// …and with 减价 (減價, a price cut) in Cantonese as in Mandarin's
		// 不能再减价, which gse reads as one word
		{"callcenter/bu-phrase", lint.Agent, "唔可以再減價喇", true},
		{"callcenter/bu-phrase", lint.Agent, "呢款冇得再減價㗎", true},
		{"callcenter/bu-phrase", lint.Agent, "您問可唔可以再減價？我幫您申請優惠券", false},
		{"callcenter/bu-phrase", lint.Agent, "您問有冇得再減價？我幫您睇下", false},
		{"callcenter/bu-phrase", lint.Agent, "如果冇得再減價，我哋送你贈品", false},
		{"callcenter/bu-phrase", lint.Agent, "如果不能再减价，我送您赠品", false},
		{"callcenter/bu-phrase", lint.Agent, "唔可以再減價嘅話，我幫你申請優惠券", false},
		// …and Mandarin's A-not-A question, the customer's echoed or asked
		// (能不能再减？, as 可唔可以再減？ is), refuses nothing and takes no
		// 无法再低了; the refusal that answers it still is one
		{"callcenter/bu-phrase", lint.Agent, "能不能再减？", false},
		{"callcenter/bu-phrase", lint.Agent, "能不能再便宜点？", false},
		{"callcenter/bu-phrase", lint.Agent, "您问能不能再便宜点？我帮您申请优惠券", false},
		{"callcenter/bu-phrase", lint.Agent, "能不能便宜一点呀？", false},
		{"callcenter/bu-phrase", lint.Agent, "您是说能不能再少点吗", false},
		{"callcenter/bu-phrase", lint.Agent, "您问还能不能再减价？我帮您问问", false},
		{"callcenter/bu-phrase", lint.Agent, "还能不能再便宜了？我帮您看看", false},
		{"callcenter/bu-phrase", lint.Agent, "能不能再便宜？不能再便宜了", true},
		{"callcenter/bu-phrase", lint.Agent, "您问能不能再减，不能再减了", true},
		// …but 能不能 after 可 (可能, maybe) or 不 (the refusal doubled) asks
		// nothing: the hedged or emphatic refusal still takes 无法再低了
		{"callcenter/bu-phrase", lint.Agent, "可能不能再便宜了", true},
		{"callcenter/bu-phrase", lint.Agent, "亲亲，这个价格可能不能再便宜了哦", true},
		{"callcenter/bu-phrase", lint.Agent, "这个已经是活动价了，可能不能再减了", true},
		{"callcenter/bu-phrase", lint.Agent, "不能不能再便宜了", true},
		{"callcenter/refusal-apology", lint.Agent, "唔可以再减", true},
		{"callcenter/refusal-apology", lint.Agent, "冇得再減㗎", true},
		{"callcenter/refusal-apology", lint.Agent, "这个价格不能再减了", true},
		{"callcenter/refusal-apology", lint.Agent, "亲，不能再减价了哦", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，这个价格不能再减了", false},
		{"callcenter/refusal-apology", lint.Agent, "對唔住，冇得再減㗎", false},
		{"callcenter/refusal-apology", lint.Agent, "如果冇得再減，我哋送你贈品", false},
		{"callcenter/refusal-apology", lint.Agent, "不能再减的话，我帮您申请优惠券", false},
		{"callcenter/refusal-apology", lint.Agent, "订单数量不能再减少了，最少两件", false},
		// …and a bare refusal asked back with 咋 (怎么 as it is typed) and
		// answered with why, as with 怎么 since 2a79c65; asked alone, quoted
		// back or answered with a guess it refuses nothing
		{"callcenter/refusal-apology", lint.Agent, "咋不行呢？因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "咋不可以呢？亲，因为活动已经结束了", true},
		{"callcenter/refusal-apology", lint.Agent, "咋没办法呢？亲，是的，因为已经超过七天了", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，咋不行呢？因为活动已经结束了", false},
		{"callcenter/refusal-apology", lint.Agent, "咋不行呢？", false},
		{"callcenter/refusal-apology", lint.Agent, "您说咋不行？我帮您看一下", false},
		{"callcenter/refusal-apology", lint.Agent, "咋不行呢？可能是因为网络的问题，您重启试试", false},
		// callcenter/refusal-apology: the apology after a short item echoed
		// back in a message of its own (JDDC joins them with spaces), the
		// address or the order the customer gave, is the refusal's first
		// sentence; one with a refusal or a fact told before it is not
		{"callcenter/refusal-apology", lint.Agent, "河南[地址x]  很抱歉 未命中站点不能送达呢", false},
		{"callcenter/refusal-apology", lint.Agent, "订单号[订单编号] 非常抱歉 这个订单无法为您取消", false},
		{"callcenter/refusal-apology", lint.Agent, "黑色XL 亲 抱歉哈 这款不支持换货", false},
		{"callcenter/refusal-apology", lint.Agent, "河南[地址x] 未命中站点不能送达呢", true},
		{"callcenter/refusal-apology", lint.Agent, "亲爱哒，这个小妹操作不了的呢 很抱歉", true},
		{"callcenter/refusal-apology", lint.Agent, "订单已经出库了 很抱歉 无法为您取消", true},
		{"callcenter/refusal-apology", lint.Agent, "这个不支持 抱歉 是的", true},
		{"callcenter/refusal-apology", lint.Agent, "好的亲 我帮您看一下哦 很抱歉 无法为您修改", true},
		// …an item of data, the export's mask or letters and digits ending
		// it; words alone may be the reason said first, and so is a finding
		{"callcenter/refusal-apology", lint.Agent, "VF[电话x] 很抱歉 这个单号无法拦截", false},
		{"callcenter/refusal-apology", lint.Agent, "订单123456789 非常抱歉 已经出库无法取消", false},
		{"callcenter/refusal-apology", lint.Agent, "这款是特价商品 很抱歉 不支持退换", true},
		{"callcenter/refusal-apology", lint.Agent, "超过七天 抱歉 不能退货", true},
		{"callcenter/refusal-apology", lint.Agent, "超过[数字x]天 抱歉 不能退货", true},
		{"callcenter/refusal-apology", lint.Agent, "系统显示出库 很抱歉 无法为您取消", true},
		{"callcenter/refusal-apology", lint.Agent, "订单在配送中 很抱歉 无法修改地址", true},
		{"callcenter/refusal-apology", lint.Agent, "这个是规定 很抱歉 无法修改", true},
		// callcenter/refusal-apology: 送不了 / 送不到 / 送唔到 refuse as the
		// 无法送达 bu-phrase's --fix writes for them does; a condition, and
		// 非常抱歉 first, pass
		{"callcenter/refusal-apology", lint.Agent, "位置比较偏僻的就送不了", true},
		{"callcenter/refusal-apology", lint.Agent, "您那个地址我们送不到的", true},
		{"callcenter/refusal-apology", lint.Agent, "你个地址我哋送唔到", true},
		{"callcenter/refusal-apology", lint.Agent, "非常抱歉，这个地址送不了", false},
		{"callcenter/refusal-apology", lint.Agent, "如果送不到，我们会电话联系您", false},
		{"callcenter/refusal-apology", lint.Agent, "送不到的话，快递会退回", false},
		{"callcenter/refusal-apology", lint.Agent, "送不了？您把地址发我看看", false},
		// (…but 会 before it, a reassurance or a surprise, refuses nothing)
		{"callcenter/refusal-apology", lint.Agent, "放心，不会送不到的", false},
		{"callcenter/refusal-apology", lint.Agent, "一般不会送不到的，您放心", false},
		{"callcenter/refusal-apology", lint.Agent, "怎么会送不到呢，我帮您查一下", false},
		{"callcenter/refusal-apology", lint.Agent, "唔会送唔到嘅，放心", false},
		{"callcenter/refusal-apology", lint.Agent, "偏远地区送不到，可以自提", true},
		// base/evasive-phrase: not sure either (也 / 都), 我不大清楚 in other
		// words (001 五.五.2); a bare 不确定, the time's (a hedge, 000 二.11),
		// a condition, a question and the customer's words pass
		{"base/evasive-phrase", lint.Agent, "商品配件具体是哪一家的，这边也不确定呢，不同的批次，品牌不同", true},
		{"base/evasive-phrase", lint.Agent, "这个我们也不确定", true},
		{"base/evasive-phrase", lint.Agent, "我也不太确定是不是正品", true},
		{"base/evasive-phrase", lint.Agent, "我们这边也是不确定的", true},
		{"base/evasive-phrase", lint.Agent, "这个我也确定不了", true},
		{"base/evasive-phrase", lint.Agent, "我们都不肯定", true},
		{"base/evasive-phrase", lint.Agent, "呢個我哋都唔肯定", true},
		{"base/evasive-phrase", lint.Agent, "呢度都唔確定幾時有貨", true},
		{"base/evasive-phrase", lint.Agent, "具体时间不确定的哦亲", false},
		{"base/evasive-phrase", lint.Agent, "财务给您返款哦，具体的时间我们这边也是不确定的呢，请您谅解", false},
		{"base/evasive-phrase", lint.Agent, "我们也不确定的话，会先帮您联系厂家", false},
		{"base/evasive-phrase", lint.Agent, "如果我们也不确定，会帮您问厂家", false},
		{"base/evasive-phrase", lint.Agent, "我哋都唔肯定嘅話，會幫你問廠家", false},
		{"base/evasive-phrase", lint.Agent, "您确定不确定要取消呢？", false},
		{"base/evasive-phrase", lint.Agent, "我们这边确定不确定呢？我帮您核实一下", false},
		{"base/evasive-phrase", lint.Agent, "我这边也不确定您说的是哪一款，麻烦发一下链接", false},
		{"base/evasive-phrase", lint.Agent, "您不确定的话，我帮您查一下", false},
		{"base/evasive-phrase", lint.Agent, "袜子是随机的，所以不确定是男款还是女款", false},
		{"base/evasive-phrase", lint.Agent, "我们也确定一下地址", false},
		// …and as 无法确定 / 不能确定 / 没法确定 (JDDC: 这边我们也无法确定呢, to
		// where the goods ship from), Cantonese 冇法 / 唔能够, with the same
		// exceptions: the time's, a condition, the customer's words
		{"base/evasive-phrase", lint.Agent, "真的很抱歉，让您等了这么久，还请您再稍微等待一下哦~   这边我们也无法确定呢", true},
		{"base/evasive-phrase", lint.Agent, "这个我们也不能确定", true},
		{"base/evasive-phrase", lint.Agent, "我也没法确定是不是正品", true},
		{"base/evasive-phrase", lint.Agent, "呢個我哋都冇法確定", true},
		{"base/evasive-phrase", lint.Agent, "我哋都唔能夠肯定", true},
		{"base/evasive-phrase", lint.Agent, "预计七天内有货 具体时间我们也无法确定", false},
		{"base/evasive-phrase", lint.Agent, "我们也无法确定的话，会帮您联系厂家", false},
		{"base/evasive-phrase", lint.Agent, "如果我们也不能确定，会帮您问厂家", false},
		{"base/evasive-phrase", lint.Agent, "我这边也无法确定您说的是哪一款，麻烦发一下链接", false},
		// …and as 说不准 / 讲不准 (can't say), Cantonese 讲唔准 / 话唔准, with the
		// same exceptions; a bare 说不准 is "maybe", a hedge
		// base/blame-customer: 看不懂中文吗 / 不识字吗 in Cantonese, said of the
		// customer (你睇唔明中文咩 is one since 4d0b972); 中文 / 字 without a
		// particle after it is no reproach
		{"base/blame-customer", lint.Agent, "你唔识睇中文咩", true},
		{"base/blame-customer", lint.Agent, "你唔識睇中文咩？詳情頁寫住㗎", true},
		{"base/blame-customer", lint.Agent, "您唔識睇字嗎", true},
		{"base/blame-customer", lint.Agent, "你唔識字呀？", true},
		{"base/blame-customer", lint.Agent, "你唔識中文咩", true},
		{"base/blame-customer", lint.Agent, "你唔識中文都冇問題，我哋有英文客服", false},
		// …and 唔识中文 (does not know Chinese, 不懂中文) asked plainly is a
		// question, as 您不懂中文吗 is: only 咩 (surprise) makes it a reproach
		{"base/blame-customer", lint.Agent, "你唔识中文呀？我哋有英文客服", false},
		{"base/blame-customer", lint.Agent, "您唔識中文嗎？我哋可以用英文同您傾", false},
		{"base/blame-customer", lint.Agent, "你唔識中文嘛，我用英文同你講", false},
		{"base/blame-customer", lint.Agent, "你唔識睇中文呀？", true},
		{"base/blame-customer", lint.Agent, "您邊度睇唔明呀？我教您", false},
		// base/blame-customer: the customer told many times with no 都 / 已经,
		// 我说了好几遍了 (我都说了好几遍了 is one since the rule began); told
		// someone else (跟快递说了好几遍) passes
		{"base/blame-customer", lint.Agent, "我说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "我说了好几遍了，这款没有XL", true},
		{"base/blame-customer", lint.Agent, "我说过很多次了，不支持退货", true},
		{"base/blame-customer", lint.Agent, "我講咗好多次喇", true},
		{"base/blame-customer", lint.Agent, "我话咗几多次㗎", true},
		{"base/blame-customer", lint.Agent, "我跟快递说了好几遍了，今天一定给您派送", false},
		{"base/blame-customer", lint.Agent, "我给仓库讲了好几次，今天给您发出", false},
		{"base/blame-customer", lint.Agent, "您说“我说了好几遍了”是哪位客服说的？", false},
		// …nor where 我 is whom the customer told, 跟我 / 和我 / 同我 …: the
		// agent owning that the customer had to say it again and again
		{"base/blame-customer", lint.Agent, "您已经跟我说了好几次了，非常抱歉", false},
		{"base/blame-customer", lint.Agent, "您跟我说了好几遍了，真的很抱歉", false},
		{"base/blame-customer", lint.Agent, "您都和我讲了很多次了，实在抱歉", false},
		{"base/blame-customer", lint.Agent, "您跟我都说了好几遍了，是我们没处理好", false},
		{"base/blame-customer", lint.Agent, "您向我反映了好几次了，非常抱歉", false},
		{"base/blame-customer", lint.Agent, "你同我講咗好多次，真係唔好意思", false},
		{"base/blame-customer", lint.Agent, "您对我说过好几次了，这次一定给您解决", false},
		{"base/blame-customer", lint.Agent, "我跟你说了好几遍了，这款没有XL", true},
		{"base/blame-customer", lint.Agent, "您听我说，我说了好几遍了", true},
		// …and of 我们 as of 我哋 (我们都说了好几遍了, the agent blaming the
		// customer for not listening); 跟我们 is whom the customer told, 跟快递
		// someone else the agent told
		{"base/blame-customer", lint.Agent, "我们都说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "我们都说了好几遍了，这款不支持七天无理由", true},
		{"base/blame-customer", lint.Agent, "我们已经说过很多次了，不包邮", true},
		{"base/blame-customer", lint.Agent, "我们讲过好几次了，要先申请售后", true},
		{"base/blame-customer", lint.Agent, "我都说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "都跟您说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "您跟我说了好几遍了，抱歉", false},
		{"base/blame-customer", lint.Agent, "您跟我们说了好几遍了，实在抱歉", false},
		{"base/blame-customer", lint.Agent, "您已经和我们讲了很多次了，非常抱歉", false},
		{"base/blame-customer", lint.Agent, "我们跟快递说了好几遍了，今天一定给您派送", false},
		// (…nor whom the customer came to or reminded, 找我们 / 提醒我们 /
		// Cantonese 搵我哋, as 跟我们 is; 唔系我讲咗好多次咩 reproaches)
		{"base/blame-customer", lint.Agent, "您找我们说了好几次了，实在不好意思", false},
		{"base/blame-customer", lint.Agent, "您提醒我们说了好几次了，抱歉，马上给您处理", false},
		{"base/blame-customer", lint.Agent, "你搵我哋讲咗好多次，唔好意思", false},
		{"base/blame-customer", lint.Agent, "您找我说了好几遍了，抱歉", false},
		{"base/blame-customer", lint.Agent, "唔系我讲咗好多次咩", true},
		{"base/blame-customer", lint.Agent, "您让我说了好几遍了，您到底要哪个", true},
		// (…and the agent side spoken as a team, 我们这边 / 咱们, as 我们 is;
		// whom the customer contacted, 联系我们 / 聯絡我哋, as 找我们 is, while
		// 唔系 / 真系 before 我 reproach)
		{"base/blame-customer", lint.Agent, "我们这边都说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "咱们都说了好几遍了，这款不退", true},
		{"base/blame-customer", lint.Agent, "咱都讲过很多次了", true},
		{"base/blame-customer", lint.Agent, "我哋呢边都讲咗好多次", true},
		{"base/blame-customer", lint.Agent, "您跟咱们说了好几遍了，实在抱歉", false},
		{"base/blame-customer", lint.Agent, "您跟我们这边说了好几遍了，实在抱歉", false},
		{"base/blame-customer", lint.Agent, "您已经联系我们说了好几次了，非常抱歉", false},
		{"base/blame-customer", lint.Agent, "您联系我们这边讲了很多次了，实在不好意思", false},
		{"base/blame-customer", lint.Agent, "你聯絡我哋講咗好多次，唔好意思", false},
		{"base/blame-customer", lint.Agent, "你聯繫我哋講咗好多次，唔好意思", false},
		{"base/blame-customer", lint.Agent, "真系我讲咗好多次㗎", true},
		{"base/blame-customer", lint.Agent, "系我讲咗好多次㗎", true},
		{"base/blame-customer", lint.Agent, "系我哋讲咗好多次㗎，你睇返上面啦", true},
		// (…and so with 了 / 过 / 咗 after 找 / 联系 / 提醒 / 搵, 您找了我们说了
		// 好几次了; 说了 / 好了 before 我们 are no such verb)
		{"base/blame-customer", lint.Agent, "您找了我们说了好几次了", false},
		{"base/blame-customer", lint.Agent, "您联系了我们说了好几次了，非常抱歉", false},
		{"base/blame-customer", lint.Agent, "您找过我们讲了很多次了，实在不好意思", false},
		{"base/blame-customer", lint.Agent, "您提醒了我们说了好几遍，抱歉，马上处理", false},
		{"base/blame-customer", lint.Agent, "你搵咗我哋讲咗好多次，唔好意思", false},
		{"base/blame-customer", lint.Agent, "你聯絡咗我哋講咗好多次，唔好意思", false},
		{"base/blame-customer", lint.Agent, "您联系了我们好几次", false},
		{"base/blame-customer", lint.Agent, "您跟我们说了好几次了，真是抱歉", false},
		{"base/blame-customer", lint.Agent, "算了我们都说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "好了我们说了好几遍了，不退", true},
		{"base/blame-customer", lint.Agent, "您让了我说了好几遍了", true},
		// (…and 问 / 私信 before 我们, as 找 is: whom the customer asked or wrote to)
		{"base/blame-customer", lint.Agent, "您私信我们说了好几次了，抱歉", false},
		{"base/blame-customer", lint.Agent, "您问过我们说了好几次了，抱歉", false},
		{"base/blame-customer", lint.Agent, "您问我们讲了很多次了，实在不好意思", false},
		{"base/blame-customer", lint.Agent, "你问咗我哋讲咗好多次，唔好意思", false},
		{"base/blame-customer", lint.Agent, "别问了，我们都说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "还问？我说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "别问了我们都说了好几遍了", true},
		// (…but 问 / 信 that tell the customer off, 别问 / 还问 / 不信, are no
		// one the customer contacted, with or without punctuation after them)
		{"base/blame-customer", lint.Agent, "别问我们都说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "还问我们都说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "别再问我们都讲了很多次了", true},
		{"base/blame-customer", lint.Agent, "你老问我们说了好几次了", true},
		{"base/blame-customer", lint.Agent, "你不信我们都说了好几遍了", true},
		{"base/blame-customer", lint.Agent, "您来信我们说了好几次了，抱歉", false},
		// base/evasive-phrase, base/blame-customer: 关我什么事 in coarser words,
		// 关我毛事, 关我鸟事, 关我p事, Cantonese 關我撚事 (evasive-phrase), 关我们
		// 毛事 (blame-customer, as 关我们什么事 is); 开关 / 海关 before them pass
		{"base/evasive-phrase", lint.Agent, "关我毛事", true},
		{"base/evasive-phrase", lint.Agent, "这关我毛事啊，找快递去", true},
		{"base/evasive-phrase", lint.Agent, "关我鸟事", true},
		{"base/evasive-phrase", lint.Agent, "關我P事", true},
		{"base/evasive-phrase", lint.Agent, "關我撚事呀", true},
		{"base/evasive-phrase", lint.Agent, "海关我毛估要三天，您再等等", false},
		{"base/blame-customer", lint.Agent, "关我们毛事", true},
		{"base/blame-customer", lint.Agent, "關我哋鳥事", true},
		{"base/blame-customer", lint.Agent, "开关我们毛刷那款也有", false},
		// …and with 鬼, the commonest of them in Cantonese and Mandarin alike
		{"base/evasive-phrase", lint.Agent, "关我鬼事", true},
		{"base/evasive-phrase", lint.Agent, "這個關我乜鬼事呀", true},
		{"base/blame-customer", lint.Agent, "关我们鬼事，找快递去", true},
		{"base/blame-customer", lint.Agent, "關我哋乜鬼事", true},
		{"base/evasive-phrase", lint.Agent, "我也说不准", true},
		{"base/evasive-phrase", lint.Agent, "这个我们也说不准呢", true},
		{"base/evasive-phrase", lint.Agent, "这边也讲不准是不是正品", true},
		{"base/evasive-phrase", lint.Agent, "呢個我哋都講唔準", true},
		{"base/evasive-phrase", lint.Agent, "我都話唔準㗎", true},
		{"base/evasive-phrase", lint.Agent, "说不准明天就到了，您再等等", false},
		{"base/evasive-phrase", lint.Agent, "预计三天内到，具体时间我们也说不准", false},
		{"base/evasive-phrase", lint.Agent, "我们也说不准的话，会帮您问厂家", false},
		{"base/evasive-phrase", lint.Agent, "如果我们也说不准，会帮您问厂家", false},
		{"base/evasive-phrase", lint.Agent, "我也说不准您要的是哪一款，麻烦发一下链接", false},
		{"base/missing-greeting", 0, "customer: 几时送\nagent: 明天 早晨好啊 送到", true},
	}
	for _, c := range cases {
		t.Run(c.rule+" "+c.chat, func(t *testing.T) {
			if got := flaggedBy(t, c.rule, c.role, c.chat, false); got != c.want {
				t.Errorf("%s flags %q: %v, want %v", c.rule, c.chat, got, c.want)
			}
		})
	}
}

// flaggedBy lints chat with one built-in rule alone (of a canned-reply
// library when canned) and reports whether it found anything.
func flaggedBy(t *testing.T, id string, role lint.Role, chat string, canned bool) bool {
	t.Helper()
	set, err := rules.Load(rules.BuiltinNames()...)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := check.Compile(set, check.Options{Only: map[string]bool{id: true}, Canned: canned})
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := rules.ParseExample(chat)
	if err != nil {
		t.Fatal(err)
	}
	if msgs == nil {
		msgs = []lint.Message{{Role: role, Text: chat}}
	}
	conv := &lint.Conversation{ID: "c", File: "c", Messages: msgs}
	for i := range conv.Messages {
		m := &conv.Messages[i]
		m.Conversation, m.Seq, m.Pos = "c", i, lint.Pos{File: "c", Line: i + 1}
		if m.Type == "" {
			m.Type = lint.TypeText
		}
	}
	findings, _ := cs.NewWorker().Check(conv)
	return len(findings) > 0
}
