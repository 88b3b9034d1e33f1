"""Finding the input files and reading each into pages of lines and tables: the PDF readers
(PDFium, pdfplumber), OCR with Tesseract for pages without a text layer, plain text and HTML
input, the limits that refuse hostile files before they are drawn, and cleaning (running headers
and footers, margin labels, reading order, hyphenation)."""
