package transcript

import (
	"archive/zip"
	"bytes"
)

// XLSXFromRows writes rows as an Excel workbook, for the external tests.
var XLSXFromRows = xlsxFromRows

// XLSXPartsSize is the uncompressed size of a workbook's parts, for the
// benchmarks' MB/s.
func XLSXPartsSize(book []byte) int64 {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		panic(err)
	}
	var n int64
	for _, f := range zr.File {
		n += int64(f.UncompressedSize64)
	}
	return n
}
