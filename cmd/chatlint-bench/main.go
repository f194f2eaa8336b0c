// Command chatlint-bench measures chatlint against the speed targets of the
// project (throughput against ripgrep, start-up on a canned-reply library,
// peak memory on a large input, scaling with --jobs) and generates the inputs
// it measures on.
//
//	chatlint-bench gen -size 100MB -o corpus.jsonl      a synthetic day of shop chat (JSONL)
//	chatlint-bench gen -canned 1000 -o replies.txt      a canned-reply library
//	chatlint-bench phrases -pack ecommerce -o phrases.txt
//	                                                    every literal phrase of the packs, for rg -F -f
//	chatlint-bench run                                  build, generate, measure, print the table
//
// Run it from the repository (it builds ./cmd/chatlint with the go command).
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: chatlint-bench COMMAND [flags]

commands:
  gen       generate a JSONL corpus (-size) or a canned-reply library (-canned)
  phrases   write every literal phrase of the active packs, one per line (for rg -F -f)
  run       build chatlint, generate what is missing, measure every target, print a Markdown table

'chatlint-bench COMMAND -h' lists a command's flags.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "gen":
		err = cmdGen(args[1:], stdout, stderr)
	case "phrases":
		err = cmdPhrases(args[1:], stdout, stderr)
	case "run":
		err = cmdRun(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "chatlint-bench: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case err == errFlags:
		return 2
	case err == errTargets:
		return 1
	}
	fmt.Fprintln(stderr, "chatlint-bench: "+err.Error())
	return 2
}
