package config

// Input is the `input:` section of .chatlint.yaml: how to read transcripts.
// Every key has a command-line flag that overrides it (for maps, entry by
// entry; for lists, the flag's list replaces the file's).
//
//	input:
//	  format: csv                  # --input-format
//	  encoding: gbk                # --encoding
//	  tz: Asia/Shanghai            # --tz
//	  agents: ['店铺名:*']          # --agents (sender-name patterns of agents)
//	  staff: [zhangsan, lisi]      # --staff (企业微信 userids of agents)
//	  header: false                # --header (csv/tsv: first row names the columns)
//	  delimiter: ";"               # --delimiter (csv/tsv)
//	  quotes: false                # csv/tsv: fields are never "quoted"
//	  messages: "[].turns[].utterances[]"   # --messages (json: where the messages are)
//	  fields: {conversation: 1, role: 3, text: 7}   # --map
//	  roles: {"1": agent, "0": customer}            # --roles
//	  types: {"2": note}                            # --types
//	  defaults: {role: agent}                       # --default
//	  time_layout: "2006/01/02 15:04"               # --time-layout
//	  html: true                   # --html (message texts are HTML)
//	  follow: true                 # --follow (directory walks follow symbolic links)
type Input struct {
	Format   string `yaml:"format"`
	Encoding string `yaml:"encoding"`
	TZ       string `yaml:"tz"`
	// Agents are sender-name patterns (* any text, ? one character) of agents.
	Agents []string `yaml:"agents"`
	// Staff are exact sender ids of agents (企业微信 userids).
	Staff []string `yaml:"staff"`
	// Header says whether csv/tsv files start with a header row (default yes).
	Header *bool `yaml:"header"`
	// Delimiter overrides the csv/tsv field separator (one character or "tab").
	Delimiter string `yaml:"delimiter"`
	// Quotes says whether csv/tsv fields may be "quoted" (default yes).
	Quotes *bool `yaml:"quotes"`
	// Messages is the JSON path of the messages in a json export.
	Messages string `yaml:"messages"`
	// Fields maps canonical fields (conversation, id, time, role, sender,
	// type, text) to a column name or 1-based number, or a JSON path.
	Fields map[string]string `yaml:"fields"`
	// Roles maps the export's role values to customer, agent, bot, system.
	Roles map[string]string `yaml:"roles"`
	// Types maps the export's message-type values to message types.
	Types map[string]string `yaml:"types"`
	// Defaults fill fields the export lacks: conversation, role, sender, type.
	Defaults map[string]string `yaml:"defaults"`
	// TimeLayout is the Go or strftime layout of the time field (or unix, unixms).
	TimeLayout string `yaml:"time_layout"`
	// HTML says message texts are HTML, to be read as text.
	HTML bool `yaml:"html"`
	// Follow says directory walks follow the symbolic links they meet.
	Follow bool `yaml:"follow"`
}
