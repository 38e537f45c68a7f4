"""The shared PDF layout: the CJK font is embedded, long text wraps and continues on the
next page with nothing lost, table headers repeat, pages are numbered per section, codes
are drawn, writing is atomic and can be cancelled."""

from __future__ import annotations

import qrcode
import pytest
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak

from desktop.reports import pdf_layout as L

from pdf_support import cjk_fonts_embedded, pdf_fonts, pdf_pages, pdf_text


SETUP = L.PageSetup("客户基本资料卡", "张伟", lang="zh_CN")


def test_font_is_an_embeddable_truetype_cjk_font():
    font = L.cjk_font()
    # The Debian package the project lists (fonts-wqy-zenhei) is installed here.
    assert font.embedded and font.path and font.path.endswith(".ttc")


def test_long_value_continues_on_next_pages_and_nothing_is_lost(tmp_path):
    scope = "".join(f"第{i}项：技术开发、技术咨询、技术服务；" for i in range(400))
    story = [
        *L.key_value_block(
            [("企业名称", "北京华信科技有限公司"), ("经营范围", scope), ("邮编", "100080")],
            L.content_width(),
        )
    ]
    out = tmp_path / "long.pdf"
    pages = L.write_pdf(out, story, SETUP)
    assert pages == pdf_pages(out) >= 2
    text = pdf_text(out, body=True)
    assert "北京华信科技有限公司" in text
    assert scope in text
    assert text.index(scope) < text.index("100080")  # the field after it follows it
    assert cjk_fonts_embedded(out)


def test_every_text_of_a_long_value_is_present_in_order(tmp_path):
    items = [f"条目{i:03d}" for i in range(600)]
    out = tmp_path / "order.pdf"
    L.write_pdf(out, [*L.key_value_block([("备注", "，".join(items))], L.content_width())], SETUP)
    text = pdf_text(out)
    positions = [text.index(item) for item in items]
    assert positions == sorted(positions)


def test_table_header_repeats_on_each_page(tmp_path):
    rows = [[f"2026-01-{i % 28 + 1:02d}", f"电话回访{i}，客户表示满意", "张伟"] for i in range(150)]
    out = tmp_path / "table.pdf"
    pages = L.write_pdf(
        out,
        [L.data_table(["日期", "回访内容", "记录人"], rows, [30 * mm, 110 * mm, 30 * mm])],
        SETUP,
    )
    assert pages >= 3
    for page in range(1, pages + 1):
        assert "回访内容" in pdf_text(out, page, page)
    text = pdf_text(out, body=True)
    positions = [text.index(f"电话回访{i}，客户表示满意") for i in range(150)]
    assert positions == sorted(positions)  # every row, once each, in order


def test_rows_with_wrapping_text_split_across_pages_too(tmp_path):
    rows = [[f"{i:03d}", "很长的回访内容，" * (3 + i % 5)] for i in range(90)]
    out = tmp_path / "wrapping.pdf"
    pages = L.write_pdf(out, [L.data_table(["序号", "回访内容"], rows, [20 * mm, 60 * mm])], SETUP)
    assert pages >= 3
    for page in range(1, pages + 1):
        assert "回访内容" in pdf_text(out, page, page)
    text = pdf_text(out, body=True)
    assert all(f"{i:03d}" in text for i in range(90))


def test_pages_are_numbered_per_section_with_footer(tmp_path):
    long = "很长的文字。" * 1500
    story = [
        L.Section(1, "KH-1"),
        *L.key_value_block([("经营范围", long)], L.content_width()),
        PageBreak(),
        L.Section(2, "KH-2"),
        L.para("第二张", L.styles().body),
    ]
    out = tmp_path / "sections.pdf"
    pages = L.write_pdf(out, story, SETUP)
    first_total = pages - 1
    assert first_total >= 2
    assert f"第1页，共{first_total}页" in pdf_text(out, 1, 1)
    assert "KH-1" in pdf_text(out, 1, 1)
    last = pdf_text(out, pages, pages)
    assert "第1页，共1页" in last and "KH-2" in last
    assert "打印人张伟" in last


def test_footer_text_in_english(tmp_path):
    out = tmp_path / "en.pdf"
    L.write_pdf(out, [L.para("Hello", L.styles().body)], L.PageSetup("Card", "li", lang="en"))
    text = pdf_text(out)
    assert "Page1of1" in text and "byli" in text


def test_qr_code_holds_the_encoded_modules():
    qr = L.QrCode("KH-2026-0001", size=20 * mm)
    ref = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, mask_pattern=L.QrCode.MASK
    )
    ref.add_data("KH-2026-0001")
    ref.make(fit=True)
    assert qr.matrix == ref.get_matrix()
    assert qr.wrap(500, 500) == (20 * mm, 20 * mm)


def test_codes_draw_into_a_pdf(tmp_path):
    out = tmp_path / "codes.pdf"
    L.write_pdf(out, [L.QrCode("KH-2026-0001"), L.code128("KH-2026-0001")], SETUP)
    assert "KH-2026-0001" in pdf_text(out)  # the barcode's human-readable line


def test_code128_refuses_non_ascii():
    with pytest.raises(ValueError):
        L.code128("客户-0001")


def test_markup_in_text_is_printed_not_interpreted(tmp_path):
    out = tmp_path / "markup.pdf"
    L.write_pdf(
        out, [*L.key_value_block([("备注", "<b>粗体</b> & <br/> a<b")], L.content_width())], SETUP
    )
    assert "<b>粗体</b>&<br/>a<b" in pdf_text(out)


def test_cancel_leaves_the_target_unchanged(tmp_path):
    out = tmp_path / "cards.pdf"
    out.write_bytes(b"old")
    calls = []
    story = [
        L.para("一", L.styles().body),
        L.ProgressMark(1, 2, lambda d, t: calls.append(d), lambda: False),
        PageBreak(),
        L.ProgressMark(2, 2, None, lambda: True),
        L.para("二", L.styles().body),
    ]
    with pytest.raises(L.Cancelled):
        L.write_pdf(out, story, SETUP)
    assert out.read_bytes() == b"old"
    assert calls == [1]
    assert [p.name for p in tmp_path.iterdir()] == ["cards.pdf"]  # no temporary file left


def test_characters_the_font_lacks_print_as_look_alikes(tmp_path):
    out = tmp_path / "mask.pdf"
    L.write_pdf(out, [L.para("电话 •••", L.styles().body)], SETUP)
    assert "电话●●●" in pdf_text(out)


def test_a_heading_is_not_left_alone_at_the_foot_of_a_page(tmp_path):
    from reportlab.platypus import Spacer

    frame = L.A4[1] - 2 * L.MARGIN - L.HEADER_SPACE - L.FOOTER_SPACE + 12 * mm
    table = [L.data_table(["日期", "内容"], [["2026-01-01", "电话回访"]] * 3, [40 * mm, 100 * mm])]
    for keep, page in ((0, 1), (11 * mm, 2)):
        out = tmp_path / f"heading{keep}.pdf"
        # 40 points left: room for the heading, not for the heading and its table
        L.write_pdf(
            out, [Spacer(1, frame - 40), L.Heading("近期回访记录", keep=keep), *table], SETUP
        )
        assert "近期回访记录" in pdf_text(out, page, page, body=True)


def test_without_a_truetype_cjk_font_the_cid_font_is_used_and_logged(monkeypatch, tmp_path, caplog):
    from system_tools import need

    need("pdffonts", "/usr/share/poppler/cMap/Adobe-GB1")
    for name in ("_font", "_styles", "_glyph_map"):
        monkeypatch.setattr(L, name, None)
    monkeypatch.setattr(L, "font_candidates", lambda: [(str(tmp_path / "missing.ttf"), 0)])
    with caplog.at_level("WARNING", logger="desktop.reports.pdf_layout"):
        font = L.cjk_font()
    assert font.name == L.CID_FALLBACK and not font.embedded
    assert "No embeddable CJK TrueType font" in caplog.text
    out = tmp_path / "cid.pdf"
    L.write_pdf(out, [L.para("北京华信科技有限公司", L.styles().body)], SETUP)
    assert any("STSong-Light" in f["name"] for f in pdf_fonts(out))
    assert "北京华信科技有限公司" in pdf_text(out)


def test_a_font_without_chinese_is_skipped(monkeypatch, tmp_path):
    import glob

    latin = next(iter(glob.glob("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")), None)
    if latin is None:
        pytest.skip("DejaVu Sans not installed")
    assert L._try_font(latin, 0) is None
    assert L._try_font(L.SYSTEM_FONTS[0][0], 0) is not None


def test_label_sheets_without_header_and_footer(tmp_path):
    from reportlab.lib.pagesizes import A6

    out = tmp_path / "labels.pdf"
    setup = L.PageSetup("档案标签", "周档案", lang="zh", furniture=False)
    assert (
        L.write_pdf(
            out,
            [
                L.para("KH-2026-0001 北京华信科技有限公司", L.styles().body),
                L.code128("KH-2026-0001"),
            ],
            setup,
            pagesize=A6,
        )
        == 1
    )
    text = pdf_text(out)
    assert "北京华信科技有限公司" in text and "打印人" not in text and "档案标签" not in text
