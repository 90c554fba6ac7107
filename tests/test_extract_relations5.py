"""Relation rules of the fifth round (issue 12): subject choice, cue scope, direction, lists and
effect-history tables. Sentences written for the tests (fictional numbers and bodies); each case
fails without its rule."""
from __future__ import annotations

import pytest

from extract_helpers import rels


@pytest.mark.parametrize("lang, text, expected, absent", [
    # the numbered resolution that announces a plan implements what the plan implements
    ("id", "Dalam Resolusi No. 731/NQ-CP yang mengumumkan Rencana Aksi Pemerintah untuk "
           "melaksanakan Resolusi No. 712-NQ/TW, terdapat 40 tugas.",
     {("implements", "731/NQ-CP", "712-NQ/TW")}, set()),
    # a fronted clause that is a sentence of its own: the next sentence's issued plan implements
    # the conclusion, not the directive the conclusion's subject names
    ("vi", "Thực hiện Kết luận 731-KL/TW, ngày 2/3/2021 của Ban Bí thư về tiếp tục thực hiện "
           "Chỉ thị số 712 “Về công tác dân vận”. Ban Thường vụ Thị ủy đã ban hành Kế hoạch số "
           "745-KH/TU, ngày 5/4/2021 “Về nhân rộng mô hình hay trong thực hiện Chỉ thị 712-CT/TW "
           "của Ban Bí thư”.",
     {("implements", "745-KH/TU", "731-KL/TW"), ("continues", "731-KL/TW", "712-CT/TW")},
     {("implements", "745-KH/TU", "712-CT/TW")}),
    # a ";" list of documents, each with its own subject: the semicolon after an amended
    # document ends the amending document's item
    ("en", "Repealed in full are Decree No. 31/2004/ND-CP on fisheries; Decree No. 47/2009/ND-CP "
           "on amending and supplementing several articles of Decree No. 31/2004/ND-CP; Decree "
           "No. 52/2011/ND-CP on inland waterways.",
     {("amends", "47/2009/ND-CP", "31/2004/ND-CP")}, {("amends", "47/2009/ND-CP", "52/2011/ND-CP")}),
    # a header's title verb line, then the subject line (upper case) naming the guided document
    ("vi", "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC\n\nSố: 17-HD/BTCTW\n\nHà Nội, ngày 02 tháng 03 "
           "năm 2019\n\nHƯỚNG DẪN\n\nMỘT SỐ ĐIỀU CỦA QUY ĐỊNH SỐ 712-QĐ/TW NGÀY 5-1-2019 CỦA BỘ "
           "CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ\n\nCăn cứ Điều lệ Đảng.",
     {("guides", "17-HD/BTCTW", "712-QĐ/TW")}, set()),
    # a document's own text: "the Government promulgates a Decree …" after its header is that
    # decree; its objects joined by "and the Ministry's Decree …" too
    ("en", "THE GOVERNMENT\n--------\nNo.: 41/2022/ND-CP\nHanoi, May 3, 2022\n\nPursuant to the "
           "Law on Government Organization;\nThe Government promulgates a Decree providing "
           "amendments to Government’s Decree No. 12/2019/ND-CP dated March 1, 2019 and "
           "Government’s Decree No. 7/2015/ND-CP dated July 2, 2015 on fisheries.",
     {("amends", "41/2022/ND-CP", "12/2019/ND-CP"), ("amends", "41/2022/ND-CP", "7/2015/ND-CP")},
     set()),
    # an effect-history table: the rows' source documents relate to the heading's document
    ("vi", "Lịch sử hiệu lực: Quyết định 14/2012/QĐ-UBND\nNgày Trạng thái Văn bản nguồn\n"
           "02/03/2012 Văn bản được ban hành 14/2012/QĐ-UBND\n11/06/2013 Được sửa đổi "
           "21/2013/QĐ-UBND Xem tại đây\n05/05/2016 Bị thay thế 9/2016/QĐ-UBND\n",
     {("amends", "21/2013/QĐ-UBND", "14/2012/QĐ-UBND"),
      ("replaces", "9/2016/QĐ-UBND", "14/2012/QĐ-UBND")}, set()),
    # a list item whose own subject phrase holds the cue is its subject
    ("vi", "Căn cứ các Nghị định của Chính phủ: số 18/2010/NĐ-CP ngày 02/3/2010 về quản lý cảng "
           "cá; số 33/2012/NĐ-CP ngày 11/5/2012 về sửa đổi, bổ sung một số điều của Nghị định "
           "18/2010/NĐ-CP;",
     {("amends", "33/2012/NĐ-CP", "18/2010/NĐ-CP")}, set()),
    # passive amendment cues; a participle after the object's phrase is about the object
    ("en", "Pursuant to Law No. 5/2019/QH14 on Fisheries, which is amended and supplemented by "
           "Law No. 9/2021/QH15;", {("amends", "9/2021/QH15", "5/2019/QH14")}, set()),
    ("en", "Decree 12/2020/ND-CP amend Decree 7/2016/ND-CP detailing Law on Fisheries, amended "
           "under Decree 3/2018/ND-CP",
     {("amends", "12/2020/ND-CP", "7/2016/ND-CP"), ("amends", "3/2018/ND-CP", "7/2016/ND-CP")},
     {("amends", "3/2018/ND-CP", "12/2020/ND-CP")}),
    # … and not about an unnumbered law named inside a numbered document's phrase
    ("en", "The Government amends Decree No. 7/2016/ND-CP of May 14, 2016, detailing a number of "
           "articles of the Law on Fisheries, which had a number of articles amended and "
           "supplemented under the Government’s Decree No. 3/2018/ND-CP of June 1, 2018.",
     set(), {("amends", "3/2018/ND-CP", "law:None")}),
    # "triển khai" alone is an implements cue ("Kế hoạch triển khai Nghị quyết số NN")
    ("vi", "Nghị quyết số 77/NQ-CP ngày 2/6/2024 của Chính phủ về Kế hoạch triển khai Nghị quyết "
           "số 51/2024/QH15 của Quốc hội.", {("implements", "77/NQ-CP", "51/2024/QH15")}, set()),
    # a legal database's line: the subject's title, then a passive cue
    ("vi", "Quyết định 12/2009/QĐ-UBND Quy chế quản lý chợ, trung tâm thương mại tỉnh Bình Định "
           "đã được thay thế bởi Quyết định 30/2017/QĐ-UBND và được áp dụng kể từ ngày 1/9/2017.",
     {("replaces", "30/2017/QĐ-UBND", "12/2009/QĐ-UBND")}, set()),
    ("en", "Decree No. 88/2003/ND-CP of July 30, 2003, on the organization of associations đã "
           "được thay thế bởi Decree No. 45/2010/ND-CP of April 21, 2010.",
     {("replaces", "45/2010/ND-CP", "88/2003/ND-CP")}, set()),
    # an unnumbered reference repeating a numbered document's subject is that document
    ("en", "No. 14/2012/NQ-CP\n\nHanoi, 9 May 2012\n\nAccording to the Resolution of the 11th "
           "Congress of the Communist Party of Vietnam and Resolution 33/2011/QH13 of the 13th "
           "National Assembly on the five-year land use plan 2011–2015;\n\nArticle 1. To issue in "
           "attachment to this Resolution the Governmental Action Program to implement the "
           "Resolution of the 11th Party Congress and the Resolution of the 13th National "
           "Assembly on the five-year land use plan 2011-2015.",
     {("implements", "14/2012/NQ-CP", "33/2011/QH13")}, set()),
    # "Ban hành kèm theo Nghị quyết này Chương trình … thực hiện Y": this resolution implements Y
    ("vi", "CHÍNH PHỦ\nSố: 25/2016/NQ-CP\n\nHà Nội, ngày 09 tháng 10 năm 2016\n\nCăn cứ Luật Tổ "
           "chức Chính phủ.\n\nĐiều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động "
           "của Chính phủ thực hiện Nghị quyết số 56/2016/QH14 của Quốc hội.",
     {("implements", "25/2016/NQ-CP", "56/2016/QH14")}, {("implements", "programme:None", "56/2016/QH14")}),
    # a fronted list whose first item's subject phrase ends on the coordinator
    ("vi", "Thực hiện Chỉ thị số 41-CT/TW ngày 3/4/2020 của Bộ Chính trị về đại hội đảng các cấp "
           "của Đảng và Kế hoạch số 77, ngày 9/5/2020 của Thành ủy về tổ chức đại hội; căn cứ tình "
           "hình thực tiễn, Đảng ủy Khối xây dựng Kế hoạch tổ chức đại hội như sau:",
     {("implements", "plan:None", "41-CT/TW"), ("implements", "plan:None", "plan:77")}, set()),
    # an unnumbered programme named by its capitalised type words before an implements cue
    ("id", "Para delegasi menyimak topik Isi Pokok Resolusi No. 64-NQ/TW tentang energi serta "
           "Program Aksi untuk Melaksanakan Resolusi No. 64-NQ/TW yang disampaikan oleh Menteri.",
     {("implements", "programme:None", "64-NQ/TW")}, set()),
    ("en", "Delegates discussed the main contents of Resolution No. 64-NQ/TW and the Action "
           "Programme to implement Resolution No. 64-NQ/TW.",
     {("implements", "programme:None", "64-NQ/TW")}, set()),
    # … but a numbered document promulgating it takes its place
    ("en", "On May 2, 2023, the Government issues Resolution No. 61/NQ-CP promulgating the "
           "Government’s Action Program on implementation of the Politburo’s Resolution No. "
           "19-NQ/TW of March 3, 2023.",
     {("implements", "61/NQ-CP", "19-NQ/TW")}, {("implements", "programme:None", "19-NQ/TW")}),
])
def test_relations_round5(lang, text, expected, absent):
    got = rels(text, lang)
    assert expected <= got, got
    assert not (absent & got), got
