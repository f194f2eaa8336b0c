#!/usr/bin/env python3
"""Writes the golden input files of testdata/formats: the same two shop
conversations in every input format and encoding chatlint reads. The data is
made up (no real customers). Run from this folder: python3 gen.py"""
import json
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))

# (conversation, customer, agent, wecom customer id, wecom staff id, messages)
# message: (time "HH:MM:SS", role, text)
CONVS = [
    ("c1", "tb_buyer01", "店铺名:小美", "wmBuyer01AAAAAAAAAAAAAAAAAAA", "xiaomei", "2026-11-04", [
        ("10:00:00", "customer", "在吗？这件卫衣有XL吗"),
        ("10:00:06", "agent", "您好亲，XL, L都有\n现在下单今天就能发货"),
        ("10:01:10", "customer", "我已经拍了，能改成蓝色吗"),
        ("10:01:50", "agent", "这个我也不知道，颜色的事跟我没关系"),
        ("10:02:30", "customer", "那算了，我自己去问吧"),
        ("10:02:40", "agent", "好的，祝您生活愉快，再见"),
    ]),
    ("c2", "tb_buyer02", "店铺名:阿杰", "wmBuyer02BBBBBBBBBBBBBBBBBBB", "ajie", "2026-11-04", [
        ("14:20:00", "customer", '你好，"加绒"款发什么快递？'),
        ("14:20:05", "agent", "亲，默认发中通，需要顺丰的话要补运费哦"),
        ("14:21:00", "customer", "好的，谢谢"),
        ("14:21:10", "agent", "不客气，欢迎下次光临"),
    ]),
]

# Traditional Chinese twin of every text and name (for the Big5 file)
TRAD = {
    "店铺名:小美": "店鋪名:小美", "店铺名:阿杰": "店鋪名:阿傑",
    "在吗？这件卫衣有XL吗": "在嗎？這件衛衣有XL嗎",
    "您好亲，XL, L都有\n现在下单今天就能发货": "您好親，XL, L都有\n現在下單今天就能發貨",
    "我已经拍了，能改成蓝色吗": "我已經拍了，能改成藍色嗎",
    "这个我也不知道，颜色的事跟我没关系": "這個我也不知道，顏色的事跟我沒關係",
    "那算了，我自己去问吧": "那算了，我自己去問吧",
    "好的，祝您生活愉快，再见": "好的，祝您生活愉快，再見",
    '你好，"加绒"款发什么快递？': '你好，"加絨"款發什麼快遞？',
    "亲，默认发中通，需要顺丰的话要补运费哦": "親，默認發中通，需要順豐的話要補運費哦",
    "好的，谢谢": "好的，謝謝",
    "不客气，欢迎下次光临": "不客氣，歡迎下次光臨",
}


def rows(trad=False):
    for conv, buyer, agent, wm, staff, day, msgs in CONVS:
        for hms, role, text in msgs:
            t = datetime.fromisoformat(f"{day} {hms}").replace(tzinfo=CST)
            sender = buyer if role == "customer" else agent
            if trad:
                sender, text = TRAD.get(sender, sender), TRAD[text]
            yield conv, t, role, sender, text, wm, staff


def write(name, text, encoding="utf-8", newline="\n"):
    with open(name, "w", encoding=encoding, newline="") as f:
        f.write(text.replace("\n", newline) if newline != "\n" else text)


def csv_field(s, sep):
    if any(c in s for c in (sep, '"', "\n", "\r")):
        return '"' + s.replace('"', '""') + '"'
    return s


def main():
    # canonical JSONL
    write("shop.jsonl", "".join(json.dumps({"conversation": c, "time": t.isoformat(), "role": r, "sender": s, "text": x},
                                           ensure_ascii=False) + "\n" for c, t, r, s, x, _, _ in rows()))
    # JSON: an array of conversations holding messages, pretty-printed
    convs = []
    for c, t, r, s, x, _, _ in rows():
        if not convs or convs[-1]["conversation"] != c:
            convs.append({"conversation": c, "messages": []})
        convs[-1]["messages"].append({"time": t.strftime("%Y-%m-%d %H:%M:%S"), "role": r, "sender": s, "text": x})
    write("shop.json", json.dumps(convs, ensure_ascii=False, indent=2) + "\n")

    # CSV with Chinese header aliases, CRLF, a quoted field with a comma and a line break
    def delimited(sep, header, trad=False, epoch=False):
        out = [sep.join(header)]
        for c, t, r, s, x, _, _ in rows(trad):
            tm = str(int(t.timestamp() * 1000)) if epoch else t.strftime("%Y-%m-%d %H:%M:%S")
            out.append(sep.join(csv_field(v, sep) for v in (c, tm, r, s, x)))
        return "\n".join(out) + "\n"
    write("shop.csv", delimited(",", ["会话ID", "时间", "角色", "发送人", "内容"]), newline="\r\n")
    write("shop.tsv", delimited("\t", ["conversation", "time", "role", "sender", "text"]))
    # Excel "Unicode text": UTF-16LE with a byte-order mark, TAB-separated, CRLF
    with open("shop_utf16.tsv", "wb") as f:
        f.write(b"\xff\xfe" + delimited("\t", ["Session ID", "Timestamp", "Role", "Sender", "Message"], epoch=True)
                .replace("\n", "\r\n").encode("utf-16-le"))
    # Big5, Traditional Chinese, Traditional header names
    write("shop_big5_trad.csv", delimited(",", ["會話ID", "時間", "角色", "發送人", "內容"], trad=True),
          encoding="big5", newline="\r\n")

    # 千牛 copy: NAME TIME (sometimes glued), content lines, 已读 status lines,
    # a recalled message; a titled separator per buyer
    lines = []
    for conv, buyer, agent, wm, staff, day, msgs in CONVS:
        lines.append(f"---------------- 与 {buyer} 的聊天记录 ----------------")
        for i, (hms, role, text) in enumerate(msgs):
            name = buyer if role == "customer" else agent
            glue = "" if (role == "agent" and i % 4 == 1) else " "
            lines.append(f"{name}{glue}{day} {hms}")
            lines.extend(text.split("\n"))
            if role == "agent":
                lines.append("已读")
            if conv == "c1" and i == 1:
                lines.append(f"{buyer} {day} 10:00:40")
                lines.append(f"{buyer}撤回了一条消息")
    qn = "\n".join(lines) + "\n"
    write("shop_qianniu.txt", qn)
    write("shop_qianniu_gbk.txt", qn, encoding="gbk", newline="\r\n")

    # WeChat export tool: "{time} {name}", content, blank line between
    lines = []
    for conv, buyer, agent, wm, staff, day, msgs in CONVS:
        lines.append("==========")
        for hms, role, text in msgs:
            name = buyer if role == "customer" else agent
            lines.append(f"{day} {hms} {name}")
            lines.extend(text.split("\n"))
            lines.append("")
    write("shop_wechat.txt", "\n".join(lines))

    # 企业微信 会话内容存档, decrypted, one record per line; with a log-in
    # switch record and a recall, which are skipped and counted
    recs = [{"msgid": "switch-1", "action": "switch", "time": 1793757500000, "user": "xiaomei"}]
    n = 0
    for conv, buyer, agent, wm, staff, day, msgs in CONVS:
        for hms, role, text in msgs:
            n += 1
            t = datetime.fromisoformat(f"{day} {hms}").replace(tzinfo=CST)
            frm, to = (wm, staff) if role == "customer" else (staff, wm)
            recs.append({"msgid": f"{n:04d}_{int(t.timestamp())}_external", "action": "send", "from": frm,
                         "tolist": [to], "roomid": "", "msgtime": int(t.timestamp() * 1000), "msgtype": "text",
                         "text": {"content": text}})
        if conv == "c1":
            recs.append({"msgid": "recall-1", "action": "recall", "from": wm, "tolist": [staff], "roomid": "",
                         "msgtime": 1793757640000, "msgtype": "revoke", "revoke": {"pre_msgid": "0003"}})
    write("shop_wecom.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))

    # a help-desk JSON export with its own layout (read with a mapping):
    # tickets holding parts, author.type admin/user, epoch-second times
    tickets = []
    for conv, buyer, agent, wm, staff, day, msgs in CONVS:
        parts = []
        for i, (hms, role, text) in enumerate(msgs):
            t = datetime.fromisoformat(f"{day} {hms}").replace(tzinfo=CST)
            parts.append({"id": f"{conv}-{i+1}", "created_at": int(t.timestamp()), "part_type": "comment",
                          "author": {"type": "admin" if role == "agent" else "user",
                                     "name": agent if role == "agent" else buyer},
                          "body": text})
        tickets.append({"type": "conversation", "id": conv, "conversation_parts": {"parts": parts}})
    write("shop_helpdesk.json", json.dumps({"tickets": tickets}, ensure_ascii=False, indent=1) + "\n")

    # a headerless research-style TSV: id, flag (1 agent / 0 customer), time, text
    out = []
    for c, t, r, s, x, _, _ in rows():
        out.append("\t".join([c, "1" if r == "agent" else "0", t.strftime("%Y/%m/%d %H:%M:%S"), csv_field(x, "\t")]))
    write("shop_headerless.tsv", "\n".join(out) + "\n")


if __name__ == "__main__":
    main()
