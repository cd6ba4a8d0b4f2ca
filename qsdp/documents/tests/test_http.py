from qsdp.documents.http import document_response


def test_a_vietnamese_file_name_is_sent_whole_and_folded_to_ascii():
    response = document_response(b"%PDF-1.7", filename="Lệnh gọi Đặng Thị Hường", kind="pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="lenh-goi-dang-thi-huong.pdf"; '
        "filename*=UTF-8''L%E1%BB%87nh%20g%E1%BB%8Di%20%C4%90%E1%BA%B7ng%20Th%E1%BB%8B"
        "%20H%C6%B0%E1%BB%9Dng.pdf"
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response.content == b"%PDF-1.7"


def test_the_extension_is_not_doubled_and_the_content_type_follows_the_kind():
    xlsx = document_response(b"x", filename="Danh sách.xlsx", kind="xlsx")
    docx = document_response(b"x", filename="Báo cáo", kind="docx")

    assert xlsx["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="danh-sach.xlsx"' in xlsx["Content-Disposition"]
    assert docx["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert 'filename="bao-cao.docx"' in docx["Content-Disposition"]


def test_a_name_with_nothing_in_ascii_still_gets_a_fallback():
    response = document_response(b"x", filename="///", kind="pdf")

    assert 'filename="document.pdf"' in response["Content-Disposition"]
