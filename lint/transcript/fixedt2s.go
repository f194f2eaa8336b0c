package transcript

// fixedT2S turns Simplified the Traditional characters of the fixed words
// the readers look for: the header aliases of csv, tsv and xlsx files
// (會話ID is 会话id), a chat dump's titles, status lines, recall notices
// and media placeholders (與…的聊天記錄, 已讀, [圖片]), and the role values
// hintRoles knows (顧客, 機器人, 系統). The messages themselves are left as
// they are: the matcher normalises them with the full table.
var fixedT2S = map[rune]rune{
	'內': '内', '則': '则', '動': '动', '務': '务', '單': '单', '圖': '图', '對': '对', '復': '复', '戶': '户', '時': '时',
	'暱': '昵', '會': '会', '條': '条', '標': '标', '機': '机', '檔': '档', '為': '为', '畫': '画', '發': '发', '稱': '称',
	'紀': '记', '紅': '红', '組': '组', '結': '结', '統': '统', '編': '编', '與': '与', '號': '号', '術': '术', '視': '视',
	'訂': '订', '訊': '讯', '記': '记', '訪': '访', '話': '话', '語': '语', '識': '识', '讀': '读', '買': '买', '貼': '贴',
	'賣': '卖', '連': '连', '達': '达', '錄': '录', '鏈': '链', '間': '间', '頻': '频', '類': '类', '顧': '顾', '體': '体',
}

// simplifiedRune is r turned Simplified when fixedT2S has it, else r.
func simplifiedRune(r rune) rune {
	if s, ok := fixedT2S[r]; ok {
		return s
	}
	return r
}
