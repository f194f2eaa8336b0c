package transcript

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// This file keeps the encoding/xml readers of the worksheet rows and the
// shared strings that the xmlStream scanner replaced, as the reference the
// differential tests hold the fast readers to.

// refRows is the rowSource of a worksheet read with encoding/xml alone.
type refRows struct {
	wb     *workbook
	d      *xml.Decoder
	c      io.Closer
	row    int // the last row read
	fields []string
}

// refSheetRows streams the first worksheet's rows with encoding/xml.
func (wb *workbook) refSheetRows() (*refRows, error) {
	d, c, err := wb.decoder(wb.part(wb.sheet))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", wb.sheet, err)
	}
	return &refRows{wb: wb, d: d, c: c}, nil
}

// close closes the worksheet.
func (x *refRows) close() { x.c.Close() }

// next is xlsxRows.next.
func (x *refRows) next() (fields []string, line int, perr string, err error) {
	for {
		tok, err := x.d.RawToken()
		if err == io.EOF {
			return nil, x.row, "", nil
		}
		if err != nil {
			return nil, x.row, "", fmt.Errorf("%s: %w", x.wb.sheet, err)
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Local != "row" {
			continue
		}
		if r, err := strconv.Atoi(attr(e, "r")); err == nil && r > 0 {
			x.row = r
		} else {
			x.row++
		}
		fields, perr, err := x.cells()
		if err != nil {
			return nil, x.row, "", fmt.Errorf("%s: row %d: %w", x.wb.sheet, x.row, err)
		}
		if perr != "" {
			return nil, x.row, perr, nil
		}
		for _, f := range fields {
			if strings.TrimSpace(f) != "" {
				return fields, x.row, "", nil
			}
		}
	}
}

// cells reads the cells of the row just opened, up to its end tag.
func (x *refRows) cells() ([]string, string, error) {
	x.fields = x.fields[:0]
	col := -1
	var perr string
	for {
		tok, err := x.d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, "", err
		}
		switch e := tok.(type) {
		case xml.EndElement:
			if e.Name.Local == "row" {
				return x.fields, perr, nil
			}
		case xml.StartElement:
			if e.Name.Local != "c" {
				continue
			}
			if c, ok := columnIndex(attr(e, "r")); ok {
				col = c
			} else {
				col++
			}
			v, raw, err := x.cellValue(e)
			if err != nil {
				return nil, "", err
			}
			if col >= maxColumns {
				if perr == "" {
					perr = fmt.Sprintf("cell %s is beyond column %d", attr(e, "r"), maxColumns)
				}
				continue
			}
			if v == "" && perr == "" && attr(e, "t") == "s" {
				perr = x.wb.noSharedString(raw, col, x.row)
			}
			for len(x.fields) <= col {
				x.fields = append(x.fields, "")
			}
			x.fields[col] = v
		}
	}
}

// cellValue reads a cell's value up to its end tag, by its type, and the
// text of its <v>.
func (x *refRows) cellValue(c xml.StartElement) (string, string, error) {
	typ, style := attr(c, "t"), attr(c, "s")
	var v, inline strings.Builder
	in, phonetic := "", 0
	for {
		tok, err := x.d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", "", err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "v", "t":
				in = e.Name.Local
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "c":
				return x.wb.value(typ, style, v.String(), inline.String()), v.String(), nil
			case "v", "t":
				in = ""
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if x.wb.max > 0 && v.Len()+inline.Len()+len(e) > x.wb.max {
				return "", "", &valueTooLong{max: x.wb.max}
			}
			switch {
			case in == "v":
				v.Write(e)
			case in == "t" && phonetic == 0:
				inline.Write(e)
			}
		}
	}
}

// refSharedStrings reads the shared string table with encoding/xml, as
// readSharedStrings does.
func (wb *workbook) refSharedStrings(f *zip.File) ([]string, error) {
	d, c, err := wb.decoder(f)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var strs []string
	var b strings.Builder
	in, inT, phonetic := false, false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return strs, nil
		}
		if err != nil {
			return strs, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "si":
				in = true
				b.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = in && phonetic == 0
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "si":
				strs = append(strs, unescapeXstring(b.String()))
				in = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				if wb.max > 0 && b.Len()+len(e) > wb.max {
					return strs, &valueTooLong{max: wb.max}
				}
				b.Write(e)
			}
		}
	}
}
