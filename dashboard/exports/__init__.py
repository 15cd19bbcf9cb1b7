"""Downloads of the quarter report: print HTML, PDF (weasyprint), Excel (openpyxl) and their Flask routes."""
