package fix

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// The Traditional forms InScript writes for the Simplified characters
// that have more than one frequent one in Big5, and for the words of
// customer-service replies where the word decides which. Kept as text and
// read on first use (see tradChoices), so that a run without --fix or
// --diff pays nothing for them.
//
// tradDefaults pairs each such character with its usual Traditional form:
// the first form OpenCC's data/dictionary/STCharacters.txt lists for it
// (個 箇, 麼, 後 后, 發 髮, 回 迴, 臺 檯 颱 台, 裏 里 哩, 只 隻 祇, 面 麪; the
// character itself where OpenCC lists none, as 你), then through OpenCC's
// TWVariants.txt, as its s2tw conversion does (裏 裡, 喫 吃, 纔 才,
// 祕 秘, 癡 痴, 兇 凶): Big5, InScript's yardstick, is Taiwan's encoding.
// OpenCC is Apache-2.0, see lint/match/OPENCC-LICENSE.txt. Chosen
// otherwise, for what replies write: 钟 鐘 (OpenCC 鍾: 分鐘, 時鐘; 鍾情 is a
// word below), 签 簽 (OpenCC 籤: 簽收, 簽名; 標籤 below), 湿 濕 (OpenCC 溼;
// both are Taiwan's, 濕 the common one, and Hong Kong's), 晒 曬 and 污 污
// (TWVariants 晒, 汙; 曬 and 污 are the forms Taiwan and Hong Kong both
// write, see tradVariants), 泄 洩 (OpenCC keeps 泄; Taiwan and Hong Kong
// write 洩露), and 镎 錼, 鹚 鶿, 绱 緔 (OpenCC's first is not in Big5). A
// character written "-" has no usual form: only its word decides (干: 乾淨,
// 幹活, 干擾; 复: 回覆, 複雜, 恢復), and an edit where none of tradPhrases
// does is not made.
const tradDefaults = `丑醜 个個 丰豐 么麼 于於 云雲 仆僕 仑侖 伙夥 余餘 佛佛 你你 佣傭 修修
儿兒 克克 冢冢 冬冬 冲衝 凄悽 准準 几幾 凫鳧 凶凶 出出 划劃 别別 刮刮 制制 勋勳 千千 升升
卜卜 占佔 卤滷 卷卷 历歷 发發 只只 台臺 叹嘆 吁籲 吃吃 合合 吊吊 后後 向向 听聽 周周 咨諮
咸鹹 咽咽 哄哄 哗譁 唇脣 喂喂 噪噪 回回 团團 困困 坏壞 坛壇 埼埼 复- 夸誇 奸奸 妫媯 姜姜
娘娘 它它 家家 尝嘗 尸屍 尽盡 局局 岩巖 岳嶽 巨巨 布布 帘簾 席席 干- 并並 幸幸 庵庵 弥彌
弦弦 当當 彩彩 征徵 径徑 御御 志志 念念 恤恤 悫愨 愈愈 愿願 戚戚 才才 扎扎 扑撲 托託 扣扣
折折 抵抵 拐拐 拼拼 挂掛 挨挨 挲挲 挽挽 捆捆 搜搜 摆擺 斗鬥 昆昆 晒曬 曲曲 术術 朱朱 朴樸
杆杆 杠槓 杯杯 杰傑 松松 板板 栗栗 梁梁 榉櫸 欲欲 毁毀 汇匯 污污 沄澐 沈沈 沩溈 沾沾 泄洩
泛泛 注注 涌湧 游遊 湿濕 溪溪 滟灩 炼煉 烟煙 狸狸 症症 痴痴 秋秋 秘秘 筑築 签簽 糖糖 系系
纤纖 绱緔 缊縕 肴餚 胄胄 胡胡 脏髒 腌醃 致致 舍舍 艳豔 苏蘇 苔苔 范範 荐薦 荡蕩 获獲 莼蓴
蒏醟 蒙蒙 蓑蓑 蔂虆 虫蟲 虮蟣 虱蝨 表表 裥襉 证證 谥諡 谫譾 谷谷 赍齎 赞贊 跖蹠 辒轀 辟闢
迹跡 郁鬱 酸酸 采採 里裡 鉴鑑 钟鐘 钫鈁 铲鏟 锤錘 锫錇 镋钂 镎錼 镢钁 闲閒 雇僱 雕雕 霉黴
面面 须須 饥飢 鲞鯗 鳁鰮 鹇鷳 鹚鶿 𫇭蒍`

// tradPhrases are words of customer-service replies, Simplified then
// Traditional, in which a character of tradDefaults takes a form other
// than its usual one, or one that only the word decides (干, 复); the
// Traditional spellings are OpenCC's (STPhrases.txt), in Taiwan's
// variants as above. The longest word at a place wins (不准确 over 不准).
const tradPhrases = `
发货 發貨 头发 頭髮 理发 理髮 发型 髮型 发质 髮質 护发 護髮 假发 假髮 洗发 洗髮 染发 染髮
烫发 燙髮 发夹 髮夾 发圈 髮圈 发胶 髮膠 脱发 脫髮 美发 美髮 发际 髮際 发箍 髮箍 发带 髮帶
发丝 髮絲 白发 白髮 发梢 髮梢 发根 髮根 干发 乾髮 晾干 晾乾
回复 回覆 答复 答覆 批复 批覆 反复 反覆
恢复 恢復 康复 康復 修复 修復 复原 復原 复工 復工 往复 往復 复活 復活 复古 復古 复发 復發
光复 光復 收复 收復 平复 平復 报复 報復 复仇 復仇 复兴 復興 复职 復職 复学 復學 复出 復出
复课 復課
复杂 複雜 复制 複製 重复 重複 复印 複印 复查 複查 复核 複核 复习 複習 复合 複合 复购 複購
复诊 複診 复审 複審 复检 複檢 复试 複試 复数 複數 复测 複測 复方 複方 复式 複式 复利 複利
复述 複述 复写 複寫 复赛 複賽 复选 複選
干净 乾淨 干燥 乾燥 干洗 乾洗 晒干 曬乾 烘干 烘乾 饼干 餅乾 干货 乾貨 干果 乾果 风干 風乾
干爽 乾爽 干脆 乾脆 干杯 乾杯 干旱 乾旱 干枯 乾枯 口干 口乾 干裂 乾裂 速干 速乾 干粮 乾糧
擦干 擦乾 吹干 吹乾 沥干 瀝乾 阴干 陰乾 干透 乾透 干湿 乾濕 干性 乾性 干皮 乾皮 干眼 乾眼
干电池 乾電池 干冰 乾冰 豆干 豆乾 肉干 肉乾 笋干 筍乾 葡萄干 葡萄乾 果干 果乾 鱼干 魚乾
干贝 乾貝 干花 乾花 不干胶 不乾膠 一干二净 一乾二淨
干吗 幹嗎 干嘛 幹嘛 干活 幹活 干部 幹部 能干 能幹 干什么 幹什麼 干啥 幹啥 树干 樹幹 主干 主幹
骨干 骨幹 干线 幹線 才干 才幹 苦干 苦幹 实干 實幹 干劲 幹勁 干练 幹練 精干 精幹 干掉 幹掉
干扰 干擾 干涉 干涉 干预 干預 相干 相干 若干 若干
面条 麵條 拉面 拉麵 面粉 麵粉 泡面 泡麵 方便面 方便麵 面包 麵包 面食 麵食 意面 意麵 挂面 掛麵
凉面 涼麵 汤面 湯麵 面馆 麵館 炒面 炒麵 面团 麵團 面饼 麵餅 乌冬面 烏冬麵 面筋 麵筋 面糊 麵糊
擀面 擀麵 煮面 煮麵 面线 麵線
一只 一隻 两只 兩隻 三只 三隻 几只 幾隻 每只 每隻 单只 單隻 船只 船隻 只身 隻身
台风 颱風 柜台 櫃檯 吧台 吧檯 台灯 檯燈 台面 檯面 台球 檯球 写字台 寫字檯 梳妆台 梳妝檯
公里 公里 英里 英里 里程 里程 千里 千里 海里 海里 邻里 鄰里 故里 故里
钟情 鍾情 钟爱 鍾愛 时钟 時鐘 钟表 鐘錶
手表 手錶 腕表 腕錶 表带 錶帶 表盘 錶盤 怀表 懷錶 秒表 秒錶 电表 電錶 水表 水錶 名表 名錶
表壳 錶殼 机械表 機械錶 石英表 石英錶
松紧 鬆緊 放松 放鬆 宽松 寬鬆 松动 鬆動 松软 鬆軟 蓬松 蓬鬆 轻松 輕鬆 松开 鬆開 松弛 鬆弛
松散 鬆散 松垮 鬆垮 松了 鬆了 稀松 稀鬆 松脱 鬆脫 松懈 鬆懈
关系 關係 联系 聯繫 维系 維繫 系好 繫好 系上 繫上 系鞋 繫鞋 系带 繫帶 系紧 繫緊 系统 系統
几个 幾個 茶几 茶几
生姜 生薑 姜茶 薑茶 姜汁 薑汁 姜母 薑母 姜片 薑片 姜丝 薑絲 老姜 老薑
尽快 儘快 尽量 儘量 尽早 儘早 尽管 儘管
注册 註冊 注销 註銷 备注 備註 注明 註明 注释 註釋 批注 批註 标注 標註
标签 標籤 抽签 抽籤 书签 書籤 牙签 牙籤 竹签 竹籤
香烟 香菸 吸烟 吸菸 抽烟 抽菸 戒烟 戒菸 电子烟 電子菸 烟草 菸草
制作 製作 制造 製造 定制 定製 订制 訂製 制品 製品 印制 印製 研制 研製 缝制 縫製 绘制 繪製
精制 精製 特制 特製 录制 錄製 监制 監製 烧制 燒製 腌制 醃製 配制 配製
萝卜 蘿蔔 老板 老闆 佣金 佣金 返佣 返佣 伙食 伙食 划算 划算 划船 划船 划不来 划不來
日历 日曆 农历 農曆 历法 曆法 阳历 陽曆 阴历 陰曆 挂历 掛曆
批准 批准 准许 准許 不准 不准 不准确 不準確 核准 核准 获准 獲准 准予 准予
喂养 餵養 喂奶 餵奶 喂食 餵食 喂药 餵藥 品尝 品嚐 尝尝 嚐嚐 尝鲜 嚐鮮
发布 發佈 公布 公佈 分布 分佈 布置 佈置 布局 佈局 宣布 宣佈 散布 散佈
合并 合併 兼并 兼併 并购 併購 吞并 吞併 并入 併入 并发 併發
征服 征服 长征 長征 出征 出征 远征 遠征 征途 征途 征战 征戰 杂志 雜誌 标志 標誌 日志 日誌
痊愈 痊癒 治愈 治癒 愈合 癒合 包扎 包紮 扎实 紮實 驻扎 駐紮 托盘 托盤 摩托 摩托
折叠 摺疊 折纸 摺紙 折痕 摺痕 下摆 下襬 裙摆 裙襬 衣摆 衣襬
熨斗 熨斗 漏斗 漏斗 斗篷 斗篷 北斗 北斗 斗笠 斗笠 词汇 詞彙 汇总 彙總 汇编 彙編 游泳 游泳
精致 精緻 细致 細緻 别致 別緻 雅致 雅緻 舍不得 捨不得 舍得 捨得 取舍 取捨 施舍 施捨 割舍 割捨
不舍 不捨 胡子 鬍子 胡须 鬍鬚 刮胡 刮鬍 剃胡 剃鬍 胡渣 鬍渣 剃须 剃鬚
心脏 心臟 内脏 內臟 肝脏 肝臟 脏器 臟器 肾脏 腎臟 收获 收穫
点赞 點讚 称赞 稱讚 赞美 讚美 夸赞 誇讚 赞赏 讚賞 赞叹 讚嘆 奇迹 奇蹟 古迹 古蹟 事迹 事蹟
浓郁 濃郁 馥郁 馥郁 风采 風采 神采 神采 文采 文采 兴高采烈 興高采烈
冲泡 沖泡 冲洗 沖洗 冲水 沖水 冲调 沖調 冲澡 沖澡 冲凉 沖涼 冲印 沖印 岳父 岳父 岳母 岳母
皇后 皇后 王后 王后 太后 太后
`

// tradVariants are Traditional characters a library may write in another
// form of the same character (Hong Kong's 裏 for Taiwan's 裡, 麪 for 麵,
// 台 for 臺): InScript writes the library's form where its text has that
// one and not the form it would write.
const tradVariants = `裡裏 麵麪 臺台 污汙 曬晒 濕溼 洩泄 痴癡 秘祕 豔艷 脣唇 巖岩`

// tradHongKong are Hong Kong's forms of characters whose usual form above
// is Taiwan's (OpenCC's HKVariants.txt writes 臺 as 台 and 菸 as 煙; 裡 is
// TWVariants' form of 裏, which Hong Kong keeps): InScript writes them in
// a text in written Cantonese (see hongKongText) that writes neither form,
// where the text's own form (tradVariants) would be Taiwan's for want of
// one: 前台 is 前台 and 香烟 香煙 in a Hong Kong library, 前臺 and 香菸 in a
// Taiwan one.
const tradHongKong = `裡裏 臺台 菸煙`

// hongKongChars are characters of written Cantonese that other Chinese
// text does not write (嘅 的, 咗 了, 冇 没有, 哋 们, 喺 在, 嚟 来, 嘢 东西,
// 啲 些, 㗎, 佢 他): a text with one is Hong Kong's (唔, also an
// interjection, is not among them).
const hongKongChars = "嘅咗冇哋喺嚟嘢啲㗎佢"

// tradTables are tradDefaults, tradPhrases and tradVariants read.
type tradTables struct {
	def      map[rune]rune // 0: only the word decides
	phrases  map[string]string
	maxWord  int // the longest phrase, in characters
	variants map[rune]rune
	hongKong map[rune]rune // tradHongKong
	// relevant are the characters textVariants.decideAll looks for: both
	// forms of tradVariants and tradHongKong, and hongKongChars; relBits
	// marks each by its code point's last ten bits (a filter before the
	// map)
	relevant map[rune]bool
	relBits  [16]uint64
}

var tradChoices = sync.OnceValue(func() *tradTables {
	t := &tradTables{def: map[rune]rune{}, phrases: map[string]string{}, variants: map[rune]rune{}, hongKong: map[rune]rune{}, relevant: map[rune]bool{}}
	for _, f := range strings.Fields(tradDefaults) {
		s, n := utf8.DecodeRuneInString(f)
		d, _ := utf8.DecodeRuneInString(f[n:])
		if d == '-' {
			d = 0
		}
		t.def[s] = d
	}
	fs := strings.Fields(tradPhrases)
	for i := 0; i+1 < len(fs); i += 2 {
		t.phrases[fs[i]] = fs[i+1]
		t.maxWord = max(t.maxWord, utf8.RuneCountInString(fs[i]))
	}
	for _, f := range strings.Fields(tradVariants) {
		a, n := utf8.DecodeRuneInString(f)
		b, _ := utf8.DecodeRuneInString(f[n:])
		t.variants[a] = b
	}
	for _, f := range strings.Fields(tradHongKong) {
		a, n := utf8.DecodeRuneInString(f)
		b, _ := utf8.DecodeRuneInString(f[n:])
		t.hongKong[a] = b
	}
	for _, f := range strings.Fields(tradVariants + " " + tradHongKong + " " + hongKongChars) {
		for _, r := range f {
			t.relevant[r] = true
			t.relBits[r&1023>>6] |= 1 << (r & 63)
		}
	}
	return t
})
