package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocComments keeps `go doc` useful: every package of the module has a
// package comment, and every exported function, method (of an exported
// type), type, constant and variable a doc comment; a function's or
// method's starts with its name ("Error names …"), as `go doc` and gofmt
// expect. Test files and testdata are not looked at.
func TestDocComments(t *testing.T) {
	root := "../.."
	fset := token.NewFileSet()
	documented := map[string]bool{} // package directory → has a package comment
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		files++
		dir := filepath.Dir(path)
		documented[dir] = documented[dir] || f.Doc != nil
		for _, missing := range undocumented(f) {
			t.Errorf("%s: %s", fset.Position(missing.Pos()), describe(missing))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Fatal("no Go files found under the repository root")
	}
	for dir, ok := range documented {
		if !ok {
			t.Errorf("%s: the package has no package comment (// Package NAME … or // Command NAME …)", dir)
		}
	}
}

// undocumented returns the exported declarations of f without a doc
// comment, and the functions whose comment does not start with their name.
func undocumented(f *ast.File) []ast.Node {
	var missing []ast.Node
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() || !exportedReceiver(d) {
				continue
			}
			if d.Doc == nil || !startsWithName(d.Doc.Text(), d.Name.Name) {
				missing = append(missing, d)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch s := spec.(type) {
				case *ast.TypeSpec:
					if s.Name.IsExported() && s.Doc == nil && d.Doc == nil {
						missing = append(missing, s)
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() && s.Doc == nil && s.Comment == nil && d.Doc == nil {
							missing = append(missing, s)
							break
						}
					}
				}
			}
		}
	}
	return missing
}

// exportedReceiver reports whether d is a function or a method of an
// exported type: methods of unexported types are not in `go doc`.
func exportedReceiver(d *ast.FuncDecl) bool {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return true
	}
	t := d.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	id, ok := t.(*ast.Ident)
	return ok && id.IsExported()
}

// startsWithName reports whether a doc comment begins with the name it
// documents, or with an article before it ("A Reader …").
func startsWithName(doc, name string) bool {
	words := strings.Fields(doc)
	for i := 0; i < len(words) && i < 2; i++ {
		if strings.TrimRight(words[i], ".,:;") == name {
			return true
		}
	}
	return false
}

// describe names a declaration in a test failure.
func describe(n ast.Node) string {
	switch d := n.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			return "the doc comment of " + d.Name.Name + " does not start with its name"
		}
		return "func " + d.Name.Name + " has no doc comment"
	case *ast.TypeSpec:
		return "type " + d.Name.Name + " has no doc comment"
	case *ast.ValueSpec:
		return d.Names[0].Name + " has no doc comment"
	}
	return "undocumented"
}
