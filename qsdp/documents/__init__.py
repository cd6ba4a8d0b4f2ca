"""Administrative documents (Decree 30/2020) rendered from plain context objects.

A selector in a domain app builds a `TableDocument` or `LetterDocument`
(`qsdp.documents.context`); `qsdp.documents.renderers` turns it into XLSX, PDF or
DOCX bytes without touching the ORM; `qsdp.documents.http.document_response`
sends the bytes as a download.
"""
