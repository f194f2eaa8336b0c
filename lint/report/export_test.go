package report

// InvalidHTMLChars is htmlInvalidChars, for the tests of package
// report_test.
var InvalidHTMLChars = htmlInvalidChars
