package report

import (
	"html"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
)

// TestReasonText: the reasons of malformed records and unreadable files
// read in Chinese, the export's values in them (quoted values, numbers,
// sizes, file names, columns) and the flags they suggest as they are; a
// hint or a reason of a kind not known is left as it is, and a reason
// whose value was taken out (reasons grouped by kind) still reads.
func TestReasonText(t *testing.T) {
	for _, tt := range []struct{ en, want string }{
		{`unknown role "boss" (map it, e.g. --roles 'boss=agent'; roles are customer, agent, bot, system)`,
			`未知的角色 "boss"（请映射这个值，如 --roles 'boss=agent'；角色只有 customer、agent、bot、system）`},
		{`unknown role "a (b)" (map it, e.g. --roles 'a (b)=agent'; roles are customer, agent, bot, system); mapped: 客服=agent, 顾客=customer`,
			`未知的角色 "a (b)"（请映射这个值，如 --roles 'a (b)=agent'；角色只有 customer、agent、bot、system）；已映射：客服=agent, 顾客=customer`},
		{`unknown role "138****5678"`, `未知的角色 "138****5678"`},
		// quotes and brackets in the value, and so in the hint's shell word
		{`unknown role "a\"b" (map it, e.g. --roles 'a"b=agent'; roles are customer, agent, bot, system)`,
			`未知的角色 "a\"b"（请映射这个值，如 --roles 'a"b=agent'；角色只有 customer、agent、bot、system）`},
		{`unknown role "say \"hi\" (now" (map it, e.g. --roles 'say "hi" (now=agent'; roles are customer, agent, bot, system)`,
			`未知的角色 "say \"hi\" (now"（请映射这个值，如 --roles 'say "hi" (now=agent'；角色只有 customer、agent、bot、system）`},
		{`unknown role "'" (map it, e.g. --roles ''\''=agent'; roles are customer, agent, bot, system)`,
			`未知的角色 "'"（请映射这个值，如 --roles ''\''=agent'；角色只有 customer、agent、bot、system）`},
		{`unknown role "it's \"x\")" (map it, e.g. --roles 'it'\''s "x")=agent'; roles are customer, agent, bot, system)`,
			`未知的角色 "it's \"x\")"（请映射这个值，如 --roles 'it'\''s "x")=agent'；角色只有 customer、agent、bot、system）`},
		// a line break in the value, and so in the hint's shell word
		{"unknown role \"a\\nb\" (map it, e.g. --roles 'a\nb=agent'; roles are customer, agent, bot, system)",
			"未知的角色 \"a\\nb\"（请映射这个值，如 --roles 'a\nb=agent'；角色只有 customer、agent、bot、system）"},
		{"unknown role \"x\\\"\\n(y\" (map it, e.g. --roles 'x\"\n(y=agent'; roles are customer, agent, bot, system)",
			"未知的角色 \"x\\\"\\n(y\"（请映射这个值，如 --roles 'x\"\n(y=agent'；角色只有 customer、agent、bot、system）"},
		{"unknown role \"a\\nb,c\" (map it in .chatlint.yaml, under input: roles: { 'a\nb,c': agent }; --roles cannot name a value holding a comma or an equals sign; roles are customer, agent, bot, system)",
			"未知的角色 \"a\\nb,c\"（请在 .chatlint.yaml 的 input: 下映射这个值：roles: { 'a\nb,c': agent }（--roles 写不出含逗号或等号的值）；角色只有 customer、agent、bot、system）"},
		// a name typed as chatlint shows a GBK one, decoded, and as a
		// Big5 one reads too (pathwhy.EncodedNames.Hint)
		{`no such file or directory (the file named 客服.txt in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf '\277\315\267\376.txt')"  or name it so:  "$(printf '\277\315\267\376.txt')"; ` +
			`the file named 客服.txt in Big5 is there: rename it with  convmv -f big5 -t utf-8 --notest "$(printf '\253\310\252A.txt')"  or name it so:  "$(printf '\253\310\252A.txt')")`,
			`文件或目录不存在（文件 客服.txt 在，但它的名字是 GBK 编码的：请用  convmv -f gbk -t utf-8 --notest "$(printf '\277\315\267\376.txt')"  改名，或照它的字节这样指名：  "$(printf '\277\315\267\376.txt')"；` +
				`文件 客服.txt 在，但它的名字是 Big5 编码的：请用  convmv -f big5 -t utf-8 --notest "$(printf '\253\310\252A.txt')"  改名，或照它的字节这样指名：  "$(printf '\253\310\252A.txt')"）`},
		// a name in Big5-HKSCS (Hong Kong's 嘅 9DEF): convmv -f big5-hkscs
		{`no such file or directory (the file named 佢哋嘅訂單.txt in Big5-HKSCS is there: rename it with  convmv -f big5-hkscs -t utf-8 --notest "$(printf '\312\134\222]\235\357\255q\263\346.txt')")`,
			`文件或目录不存在（文件 佢哋嘅訂單.txt 在，但它的名字是 Big5-HKSCS 编码的：请用  convmv -f big5-hkscs -t utf-8 --notest "$(printf '\312\134\222]\235\357\255q\263\346.txt')"  改名）`},
		// a name of GB18030's four-byte sequences: what convmv needs
		{`no such file or directory (the file named 㐀客服.txt in GB18030 is there: rename it with  convmv -f gb18030 -t utf-8 --notest "$(printf '\2019\3569\277\315\267\376.txt')"  ` +
			`(convmv reads GB18030 with Perl's Encode::HanExtra: libencode-hanextra-perl, or cpan Encode::HanExtra)  or name it so:  "$(printf '\2019\3569\277\315\267\376.txt')")`,
			`文件或目录不存在（文件 㐀客服.txt 在，但它的名字是 GB18030 编码的：请用  convmv -f gb18030 -t utf-8 --notest "$(printf '\2019\3569\277\315\267\376.txt')"  改名` +
				`（convmv 要有 Perl 的 Encode::HanExtra 才读得了 GB18030：libencode-hanextra-perl，或 cpan Encode::HanExtra），或照它的字节这样指名：  "$(printf '\2019\3569\277\315\267\376.txt')"）`},
		// a directory on the way named in GBK, and a name in it too
		{`no such file or directory (the directory named 售后 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\333\272\363')"  ` +
			`or name it so:  "$(printf '\312\333\272\363/day.txt')")`,
			`文件或目录不存在（目录 售后 在，但它的名字是 GBK 编码的：请用  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\333\272\363')"  给它和其中的名字改名，` +
				`或照它的字节这样指名：  "$(printf '\312\333\272\363/day.txt')"）`},
		{`no such file or directory (the directory named 售后 in GBK is there, and so is 售后/客服.txt in it: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\333\272\363')")`,
			`文件或目录不存在（目录 售后 在，但它的名字是 GBK 编码的，其中的 售后/客服.txt 也是：请用  convmv -f gbk -t utf-8 -r --notest "$(printf '\312\333\272\363')"  给它和其中的名字改名）`},
		// ... one that holds names convmv -r would garble: the others
		// renamed alone; past 8, convmv -r once those are out
		{`no such file or directory (the directory named 十二月 in GBK is there, and so is 十二月/客服.txt in it: rename them with  ` +
			`convmv -f gbk -t utf-8 --notest "$(printf '\312\256\266\376\324\302/\277\315\267\376.txt')" "$(printf '\312\256\266\376\324\302')"  ` +
			`(not with convmv -r, which would garble 2 names in it, 十二月/刘䶮.txt, 十二月/聊天(1).txt)  or name it so:  "$(printf '\312\256\266\376\324\302/\277\315\267\376.txt')")`,
			`文件或目录不存在（目录 十二月 在，但它的名字是 GBK 编码的，其中的 十二月/客服.txt 也是：请用  ` +
				`convmv -f gbk -t utf-8 --notest "$(printf '\312\256\266\376\324\302/\277\315\267\376.txt')" "$(printf '\312\256\266\376\324\302')"  ` +
				`给它们改名（不要用 convmv -r：它会把其中 2 个名字改错：十二月/刘䶮.txt, 十二月/聊天(1).txt），或照它的字节这样指名：  "$(printf '\312\256\266\376\324\302/\277\315\267\376.txt')"）`},
		{`no such file or directory (the directory named 售后 in GBK is there: rename it with  convmv -f gbk -t utf-8 --notest "$(printf '\312\333\272\363')"  ` +
			`(not with convmv -r, which would stop on 1 name in it that is no GBK, 售后/\uFFFD, renaming none, and garble 5 names in it, 售后/a, 售后/b, 售后/c and 2 more))`,
			`文件或目录不存在（目录 售后 在，但它的名字是 GBK 编码的：请用  convmv -f gbk -t utf-8 --notest "$(printf '\312\333\272\363')"  ` +
				`给它改名（不要用 convmv -r：它会停在其中 1 个不是 GBK 的名字上，一个也不改：售后/\uFFFD；还会把其中 5 个名字改错：售后/a, 售后/b, 售后/c 等另外 2 个））`},
		{`no such file or directory (the directory named 多 in GBK is there: rename it and the names in it with  convmv -f gbk -t utf-8 -r --notest "$(printf '\266\340')"  ` +
			`once those it would not rename so are out of it (it would garble 1 name in it, 多/聊天記錄.txt))`,
			`文件或目录不存在（目录 多 在，但它的名字是 GBK 编码的：请先把 convmv -r 改不对的名字移出去（它会把其中 1 个名字改错：多/聊天記錄.txt），` +
				`再用  convmv -f gbk -t utf-8 -r --notest "$(printf '\266\340')"  给它和其中的名字改名）`},
		// a name no encoding of convmv's reads whole: mv to the name typed
		{`no such file or directory (the file named €1000欧元€报价.txt is there, its name in code page 936 and GB18030 at once, which no encoding of convmv's reads whole ` +
			`(€ 80 is code page 936's alone, convmv -f gbk's; € A2E3 GB18030's alone, -f gb18030's): ` +
			`rename it with  mv -- "$(printf '\2001000\305\267\324\252\242\343\261\250\274\333.txt')" '€1000欧元€报价.txt'  or name it so:  "$(printf '\2001000\305\267\324\252\242\343\261\250\274\333.txt')")`,
			`文件或目录不存在（文件 €1000欧元€报价.txt 在，但它的名字混用了 936 代码页和 GB18030，convmv 没有哪种编码读得了全名` +
				`（€ 80 只有 936 代码页有，convmv -f gbk 读得了；€ A2E3 只有 GB18030 有，-f gb18030 读得了）：` +
				`请用  mv -- "$(printf '\2001000\305\267\324\252\242\343\261\250\274\333.txt')" '€1000欧元€报价.txt'  改名，或照它的字节这样指名：  "$(printf '\2001000\305\267\324\252\242\343\261\250\274\333.txt')"）`},
		{`no such file or directory (the directory named €报价 is there, and so is €报价/刘䶮.txt in it, their names in code page 936 and GB18030 at once, which no encoding of convmv's reads whole ` +
			`(€ 80 is code page 936's alone, convmv -f gbk's; 䶮 FE9F GB18030's alone, -f gb18030's): ` +
			`rename it with  mv -- "$(printf '\200\261\250\274\333')" '€报价'  (the names in it are left as they are))`,
			`文件或目录不存在（目录 €报价 在，其中的 €报价/刘䶮.txt 也在，但它们的名字混用了 936 代码页和 GB18030，convmv 没有哪种编码读得了全名` +
				`（€ 80 只有 936 代码页有，convmv -f gbk 读得了；䶮 FE9F 只有 GB18030 有，-f gb18030 读得了）：` +
				`请用  mv -- "$(printf '\200\261\250\274\333')" '€报价'  改名（只改目录名，其中的名字不变））`},
		// a value --roles cannot name: the config's roles
		{`unknown role "a,b" (map it in .chatlint.yaml, under input: roles: { 'a,b': agent }; --roles cannot name a value holding a comma or an equals sign; roles are customer, agent, bot, system)`,
			`未知的角色 "a,b"（请在 .chatlint.yaml 的 input: 下映射这个值：roles: { 'a,b': agent }（--roles 写不出含逗号或等号的值）；角色只有 customer、agent、bot、system）`},
		// the value left out, as where reasons of a kind are grouped
		{`unparseable time (use RFC 3339, "2006-01-02 15:04:05", "2006年1月2日 15:04:05" or epoch seconds/milliseconds, or give the export's layout with --time-layout, e.g. '%d/%m/%Y %H:%M' for 04/11/2026 10:00)`,
			`无法解析的时间（请用 RFC 3339、"2006-01-02 15:04:05"、"2006年1月2日 15:04:05" 或纪元秒/毫秒，或用 --time-layout 给出导出的时间格式，如 04/11/2026 10:00 用 '%d/%m/%Y %H:%M'）`},
		{`unparseable time "11/04/2026 7" (use RFC 3339, "2006-01-02 15:04:05", "2006年1月2日 15:04:05" or epoch seconds/milliseconds, or give the export's layout with --time-layout, e.g. '%d/%m/%Y %H:%M' for 04/11/2026 10:00)`,
			`无法解析的时间 "11/04/2026 7"（请用 RFC 3339、"2006-01-02 15:04:05"、"2006年1月2日 15:04:05" 或纪元秒/毫秒，或用 --time-layout 给出导出的时间格式，如 04/11/2026 10:00 用 '%d/%m/%Y %H:%M'）`},
		{`unparseable time "2026年11月4日 10:02 CST" (the zone CST is an abbreviation, which may name several: CST is China's +08:00 but also America's -06:00; write the offset, e.g. +08:00, or leave the zone out and give --tz)`,
			`无法解析的时间 "2026年11月4日 10:02 CST"（时区 CST 是缩写，可能指几个不同的时区：CST 既是中国的 +08:00，也是美国的 -06:00；请写出时差，如 +08:00，或不写时区而用 --tz 指定）`},
		{`unparseable time "北京时间 2026年11月4日 10:02 +09:00" (zones that disagree: +08:00 and +09:00)`,
			`无法解析的时间 "北京时间 2026年11月4日 10:02 +09:00"（写了两个互相矛盾的时区：+08:00 和 +09:00）`},
		{`unparseable time "26年11月4日 10:02" (a year of 2 digits: 26年 may be of this century or the last, or of the Minguo calendar, whose year 115 is 2026; export the times with the year in full, e.g. 2026年11月4日 10:02)`,
			`无法解析的时间 "26年11月4日 10:02"（年份只有 2 位：26年 可能是本世纪或上世纪的，也可能是民国纪年（民国 115 年即 2026 年）；请导出带完整年份的时间，如 2026年11月4日 10:02）`},
		{`unknown role (map it, e.g. --roles 'boss=agent'; roles are customer, agent, bot, system)`,
			`未知的角色（请映射这个值，如 --roles 'boss=agent'；角色只有 customer、agent、bot、system）`},
		{`no role for sender (map the role field, or name the agents with --agents PATTERN)`, `发送者没有角色（请映射角色字段，或用 --agents PATTERN 指明哪些是客服）`},
		{`directory holds no transcript files (.csv, .jsonl)`, `目录中没有聊天记录文件（.csv, .jsonl）`},
		{`directory holds no reply files (.txt, .yaml)`, `目录中没有回复库文件（.txt, .yaml）`},
		{`directory holds no transcript files (.csv, .jsonl) that are not excluded: 2 files and 1 directory excluded (--exclude, exclude: in .chatlint.yaml)`,
			`目录中没有未被排除的聊天记录文件（.csv, .jsonl）：排除了 2 个文件和 1 个目录（--exclude，.chatlint.yaml 中的 exclude:）`},
		{`directory holds no reply files (.txt) that are not excluded: 1 file excluded (--exclude, exclude: in .chatlint.yaml)`,
			`目录中没有未被排除的回复库文件（.txt）：排除了 1 个文件（--exclude，.chatlint.yaml 中的 exclude:）`},
		// an unknown hint, an unknown reason: as they are
		{`missing "text" (a hint added later)`, `缺少 "text" (a hint added later)`},
		{`the moon is in the wrong phase`, `the moon is in the wrong phase`},
		{``, ``},
		// a reason cut at 1 KiB
		{`record has 3 fields, the header has 2 (unbalanced quotes or a str… (1.5 KiB in all)`,
			`记录有 3 个字段，表头有 2 个 (unbalanced quotes or a str… (1.5 KiB in all)`},
		{`unknown role "xxxx… (1.5 KiB in all)`, `未知的角色 "xxxx…（共 1.5 KiB）`},
		{`line 7: invalid JSON: invalid character 'x' looking for beginning of value`, `第 7 行：JSON 无效：非法字符 'x'，此处应为一个值`},
		{`line 7, column 3: invalid JSON: invalid character 'x' looking for beginning of value`, `第 7 行第 3 列：JSON 无效：非法字符 'x'，此处应为一个值`},
		{`invalid JSON: invalid byte 0xff (not UTF-8) in string literal (column 9)`, `JSON 无效：第 9 列有非法字节 0xff（不是 UTF-8），在字符串中`},
		{`invalid JSON: invalid character '\'' looking for beginning of value (column 1)`, `JSON 无效：第 1 列有非法字符 '\''，此处应为一个值`},
		{`invalid JSON: unexpected end of JSON input (column 12)`, `JSON 无效：在第 12 列意外结束`},
		{`invalid JSON: unexpected end of JSON input`, `JSON 无效：意外结束`},
		{`invalid JSON: json: cannot unmarshal number into Go value of type string`, `JSON 无效：json: cannot unmarshal number into Go value of type string`},
		{`line 90210: "id" comes after the list "messages" (line 1), which was linted as it was read (a list over 4 MiB is); its messages may depend on "id", so put it before the list`,
			`第 90210 行："id" 在列表 "messages"（第 1 行）之后，而这个列表是边读边检查的（超过 4 MiB 的列表都是）；它的消息可能要用到 "id"，请把它放在列表之前`},
		{`a YAML library over 64 MiB is not read (it is parsed whole): split it`, `超过 64 MiB 的 YAML 话术库不读取（它要整个解析）：请拆分`},
		{`line 3: YAML syntax error: mapping values are not allowed in this context (a canned library is a YAML list of replies, or groups of them)`,
			`第 3 行：YAML 语法错误：此处不能有映射值（冒号后跟空格？给回复加上引号）（话术库是回复的 YAML 列表，或回复的分组）`},
		{`line 3: YAML syntax error: something new (a canned library is a YAML list of replies, or groups of them)`,
			`第 3 行：YAML 语法错误：something new（话术库是回复的 YAML 列表，或回复的分组）`},
		{`line 4: the reply is true/false, not text (quote it to lint it as a reply)`, `第 4 行：回复是 true/false，不是文本（加上引号才会作为回复检查）`},
		{`the file mixes encodings (GB18030, but line 12 is UTF-8): convert it to one encoding first`, `文件混用了编码（GB18030，但第 12 行是 UTF-8）：请先转换为同一种编码`},
		{`line 5: gzip: unexpected EOF`, `第 5 行：gzip 解压出错：数据意外结束（文件被截断了？）`},
		{`gzip: flate: corrupt input before offset 12`, `gzip 解压出错：flate：偏移 12 之前的数据已损坏`},
		{`xl/worksheets/sheet1.xml: row 3: unexpected EOF`, `xl/worksheets/sheet1.xml 第 3 行：数据意外结束（文件被截断了？）`},
		{`xl/workbook.xml: XML syntax error on line 2: unexpected EOF`, `xl/workbook.xml：XML 语法错误（第 2 行）：数据意外结束（文件被截断了？）`},
		{`cell XFE7 is beyond column 16384`, `单元格 XFE7 超出了第 16384 列`},
		{`the first worksheet (xl/worksheets/sheet1.xml) is missing`, `第一个工作表（xl/worksheets/sheet1.xml）不存在`},
		{`the workbook's shared strings run past 1000000 entries: a damaged or hostile workbook (a decompression bomb?); not read`,
			`工作簿的共享字符串超过 1000000 条：工作簿已损坏，或是恶意构造的（解压炸弹？）；未读取`},
		{`line 1: a value runs over the 1 MiB a record may take (4 × --max-message-size); the rest of the workbook is not read`,
			`第 1 行：一个值超过了一条记录最多可占的 1 MiB（--max-message-size 的 4 倍）；工作簿的其余部分未读取`},
		{`binary file (a ZIP archive or an Excel .xlsx workbook: read a workbook with --input-format xlsx (or auto)), not a text transcript`,
			`二进制文件（ZIP 压缩包或 Excel .xlsx 工作簿：工作簿请用 --input-format xlsx（或 auto）读取），不是文本聊天记录`},
		{`binary file (an Excel 97–2003 .xls workbook: save it as .xlsx (Excel Workbook) or export it as CSV), not a text transcript`, `二进制文件（Excel 97–2003 .xls 工作簿：请另存为 .xlsx（Excel 工作簿）或导出为 CSV），不是文本聊天记录`},
		{`binary file (gzip-compressed: decompress it first), not a text transcript`, `二进制文件（gzip 压缩文件：请先解压），不是文本聊天记录`},
		{`binary file (a GIF image), not a text transcript`, `二进制文件（GIF 图片），不是文本聊天记录`},
		{`binary file (an SQLite database), not a text transcript`, `二进制文件（SQLite 数据库），不是文本聊天记录`},
		{`binary file (NUL byte at byte 7 of the decoded text), not a text transcript`, `二进制文件（解码后文本的第 7 字节是 NUL），不是文本聊天记录`},
		{`empty input: cannot detect its format (use --input-format)`, `输入为空：无法识别它的格式（请用 --input-format）`},
		{`cannot detect the input format: it starts with "hello world ⏎ foo" (use --input-format: csv, json, jsonl)`,
			`无法识别输入格式：文件开头是「hello world ⏎ foo」（请用 --input-format：csv、json、jsonl）`},
		{`cannot detect the input format: it starts with "say "hi" (use --input-format: ok)…" (use --input-format: csv, json)`,
			`无法识别输入格式：文件开头是「say "hi" (use --input-format: ok)…」（请用 --input-format：csv、json）`},
		{`cannot detect the input format: it looks like binary data (1.5 KiB) (use --input-format: csv, json)`,
			`无法识别输入格式：看起来是二进制数据（1.5 KiB）（请用 --input-format：csv、json）`},
		{`cannot detect the input format: it looks like binary data (use --input-format: csv, json)`,
			`无法识别输入格式：看起来是二进制数据（请用 --input-format：csv、json）`},
		{`empty file: no header row`, `空文件：没有表头行`},
		{`empty file: no replies`, `空文件：没有回复`},
		{`permission denied`, `没有读取权限`},
		{`bytes in the record that UTF-16LE cannot read (the file's byte-order mark says UTF-16LE)`, `记录中有 UTF-16LE 读不了的字节（文件的字节顺序标记表明是 UTF-16LE）`},
		{`invalid UTF-8 in the record (wrong encoding? use --encoding gbk, big5, …)`, `记录不是有效的 UTF-8（编码不对？请用 --encoding gbk, big5, …）`},
		{`line 2: first row: record has 3 fields; the file is one column without a header (a comma in the reply? quote it, or name the file .txt: one reply per line)`,
			`第 2 行：第一行：记录有 3 个字段；文件是没有表头的单列（回复中有逗号？请给回复加上引号，或把文件命名为 .txt：每行一条回复）`},
		{`record has 2 fields, the reply is in column 3`, `记录有 2 个字段，回复在第 3 列`},
		{`the header row is separated by '|', not commas: use --delimiter '|'`, `表头行以竖线分隔，而不是逗号：请用 --delimiter '|'`},
		{`no text column in the first row (cells: "a", "b"): name it text/内容/content, or --map text=COLUMN; without a header row use --header=false and --map text=N`,
			`第一行中没有文本列（单元格："a", "b"）：请把它命名为 text/内容/content，或用 --map text=COLUMN；没有表头行时用 --header=false 和 --map text=N`},
		{`no element [2] here (messages path "data[2]")`, `这里没有元素 [2]（消息路径 "data[2]"）`},
		{`expected an object with "items" (messages path "data.items[]"), got the string "x"`, `应为含 "items" 的对象（消息路径 "data.items[]"），实际是字符串 "x"`},
		{`the line holds an array, but the messages path "data[]" starts with a key`, `这一行是数组，但消息路径 "data[]" 以键开头`},
		{`expected a JSON object with the message fields, got a list`, `应为含消息字段的 JSON 对象，实际是列表`},
		{`"sender": invalid string`, `字段 "sender"：字符串无效`},
		{`text outside a message (no header line before it)`, `不属于任何消息的文字（前面没有消息头）`},
		{`no message header (NAME YYYY-MM-DD HH:MM:SS, or YYYY-MM-DD HH:MM:SS NAME) in the first 50 lines: not a chat dump? (a canned-reply list reads with --input-format canned)`,
			`前 50 行没有消息头（昵称 YYYY-MM-DD HH:MM:SS，或 YYYY-MM-DD HH:MM:SS 昵称）：不是聊天记录？（话术列表请用 --input-format canned 读取）`},
		{`no message in the file (no NAME YYYY-MM-DD HH:MM:SS header line)`, `文件中没有消息（没有「昵称 YYYY-MM-DD HH:MM:SS」这样的消息头行）`},
		{`not a 企业微信 archive record: expected a JSON object`, `不是企业微信会话存档记录：应为 JSON 对象`},
		{`not a 企业微信 archive record: field "from": expected a string, got a number`, `不是企业微信会话存档记录：字段 "from"：应为字符串，实际是数字`},
		{`not a 企业微信 archive record: field "text": expected an object, got a list`, `不是企业微信会话存档记录：字段 "text"：应为对象，实际是列表`},
		{`not a 企业微信 archive record: field "tolist": expected a list, got a boolean`, `不是企业微信会话存档记录：字段 "tolist"：应为列表，实际是布尔值`},
		// in the words of encoding/json
		{`field "from": expected a string, got number`, `字段 "from"：应为字符串，实际是数字`},
		{`field "from": expected a string, got bool`, `字段 "from"：应为字符串，实际是布尔值`},
		{`field "from": expected a string, got array`, `字段 "from"：应为字符串，实际是数组`},
		{`field "from": expected a string, got object`, `字段 "from"：应为字符串，实际是对象`},
		{`field "from": expected a string, got null`, `字段 "from"：应为字符串，实际是 null`},
		{`"text": expected a string, got number`, `字段 "text"：应为字符串，实际是数字`},
		// which part of an input's path is wrong, as stderr says it
		// (internal/pathwhy), where 不是目录 alone named neither
		{`not a directory (day.jsonl is a file)`, `不是目录（day.jsonl 是文件）`},
		{`not a directory (in is a symbolic link to lib.txt/x, and lib.txt is a file)`,
			`不是目录（in 是符号链接，指向 lib.txt/x；lib.txt 是文件）`},
		{`not a directory (o5 is a symbolic link to o3, a symbolic link to lib.txt, and lib.txt is a file)`,
			`不是目录（o5 是符号链接，指向 o3，再指向 lib.txt；lib.txt 是文件）`},
		{`not a directory (fifo is not a directory)`, `不是目录（fifo 不是目录）`},
		// a name with brackets, as Windows names a copy
		{`not a directory (客服记录 (1).jsonl is a file)`, `不是目录（客服记录 (1).jsonl 是文件）`},
		{`not a directory (in (2) is a symbolic link to day (1).jsonl/x, and day (1).jsonl is a file)`,
			`不是目录（in (2) 是符号链接，指向 day (1).jsonl/x；day (1).jsonl 是文件）`},
		{`too many levels of symbolic links (旧 (1) is a symbolic link to 旧 (1), a loop that leads nowhere)`,
			`符号链接层数过多（链接成环？）（旧 (1) 是符号链接，指向 旧 (1)，成环，无处可达）`},
		{`too many levels of symbolic links (a is a symbolic link to e/loop1/x, and e/loop1 is a symbolic link to loop1, a loop that leads nowhere)`,
			`符号链接层数过多（链接成环？）（a 是符号链接，指向 e/loop1/x；e/loop1 是符号链接，指向 loop1，成环，无处可达）`},
		{`no such file or directory (out is a symbolic link to gone, a symbolic link to /mnt/x, which does not exist)`,
			`文件或目录不存在（out 是符号链接，指向 gone，再指向 /mnt/x，而 /mnt/x 不存在）`},
	} {
		if got := reasonText(tt.en); got != tt.want {
			t.Errorf("reasonText(%q)\n got: %s\nwant: %s", tt.en, got, tt.want)
		}
	}
}

// TestReasonsInChineseReports: the text and HTML reports, and the GitHub
// annotations (read by a person, as the findings' Chinese messages are),
// say the reasons of malformed records and unreadable files in Chinese;
// the machine formats keep them in English, as the readers gave them.
func TestReasonsInChineseReports(t *testing.T) {
	const role, missing = `unknown role "boss" (map it, e.g. --roles 'boss=agent'; roles are customer, agent, bot, system)`, `no such file or directory`
	sum := func() *lint.Summary {
		s := lint.NewSummary()
		s.Files, s.Records, s.Rejected = 1, 1, 1
		s.Errors = lint.NewRecordErrors(lint.RecordError{Pos: lint.Pos{File: "day.jsonl", Line: 3}, Err: role})
		s.Unreadable = []lint.RecordError{{Pos: lint.Pos{File: "gone.jsonl"}, Err: missing}}
		return s
	}
	for _, format := range []string{"text", "html"} {
		out := html.UnescapeString(string(render(t, format, Options{Location: time.UTC}, nil, sum())))
		for _, want := range []string{`day.jsonl:3: 未知的角色 "boss"（请映射这个值，如 --roles 'boss=agent'`, "gone.jsonl: 文件或目录不存在"} {
			if format == "html" {
				want = strings.Replace(want, ": ", "</td><td>", 1)
			}
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %q:\n%s", format, want, out)
			}
		}
		if strings.Contains(out, "unknown role") || strings.Contains(out, missing) {
			t.Errorf("%s: a reason in English:\n%s", format, out)
		}
	}
	out := string(render(t, "github", Options{Location: time.UTC}, nil, sum()))
	for _, want := range []string{
		"::warning file=day.jsonl,line=3,title=chatlint%3A malformed record::记录无法读取（未检查）: 未知的角色 \"boss\"（请映射这个值，如 --roles 'boss=agent'",
		"::error file=gone.jsonl,title=chatlint%3A unreadable file::文件无法读取（自出错处起未检查）: 文件或目录不存在\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("github: no %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "unknown role") || strings.Contains(out, missing) {
		t.Errorf("github: a reason in English:\n%s", out)
	}
	for _, format := range []string{"json", "jsonl", "csv", "sarif", "junit"} {
		out := string(render(t, format, Options{Location: time.UTC}, nil, sum()))
		if strings.Contains(out, "未知的角色") || strings.Contains(out, "文件或目录不存在") {
			t.Errorf("%s: a reason said in Chinese in a machine format:\n%s", format, out)
		}
	}
	out = string(render(t, "json", Options{Location: time.UTC}, nil, sum()))
	for _, want := range []string{`unknown role \"boss\" (map it`, missing} {
		if !strings.Contains(out, want) {
			t.Errorf("json: no %q:\n%s", want, out)
		}
	}
}
