package transcript

// XLSXFromRows writes rows as an Excel workbook, for the external tests.
var XLSXFromRows = xlsxFromRows
