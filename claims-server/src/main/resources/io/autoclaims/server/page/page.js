// The analysts' page. Workbook and claim text reach this page (cell values, sheet and file names,
// messages quoting them), so everything is written with createElement and textContent: never
// innerHTML, never a string parsed as markup.
"use strict";

(function () {
  var TOKEN_KEY = "autoclaims.token";

  // The Chinese names of io.autoclaims.model's enums (their zh()); PageTest holds them equal.
  var ZH = {
    decision: { APPROVED: "批准", PARTIALLY_APPROVED: "部分批准", REFERRED: "转人工审核", PENDING_DOCUMENTS: "待补单证",
      DENIED: "拒赔" },
    remedy: { NONE: "无", REPAIR: "维修", REPLACE_PART: "更换零件", REPLACE_ASSEMBLY: "更换总成",
      REPLACE_OR_REFUND: "换车或退车", TOTAL_LOSS: "推定全损" },
    payer: { CUSTOMER: "客户", INSURER: "保险公司", MANUFACTURER: "厂家", CLUB: "救援俱乐部" },
    claimType: { WARRANTY: "质保/三包索赔", INSURANCE: "车损险理赔", ASSISTANCE: "道路救援" },
    document: { WARRANTY_CARD: "三包凭证", PURCHASE_INVOICE: "购车发票", REPAIR_ORDER: "维修工单",
      CLAIM_APPLICATION: "索赔申请书", POLICY: "保险单", DRIVING_LICENSE: "驾驶证", VEHICLE_LICENSE: "行驶证",
      INSURED_ID: "被保险人身份证明", BANK_ACCOUNT: "银行账户", ACCIDENT_CERTIFICATE: "交通事故责任认定书",
      SETTLEMENT_AGREEMENT: "事故协议书", COURT_JUDGMENT: "判决书", LOSS_ASSESSMENT: "定损单", REPAIR_INVOICE: "维修发票",
      RESCUE_RECEIPTS: "施救费票据", PAYMENT_AUTHORIZATION: "领取赔款授权书", THEFT_REPORT: "公安立案证明" }
  };

  /** The live rulebook as GET /v1/rulebook gave it, and its rule rows' cells by table and row. */
  var live = null;
  var cells = {};

  function $(id) {
    return document.getElementById(id);
  }

  /** An element with text children only: strings become text nodes, never markup. */
  function el(tag, className) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) {
        continue;
      }
      e.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return e;
  }

  /** Chinese, then English in grey: "批准 Approved". */
  function both(zh, en) {
    return el("span", null, zh === null || zh === undefined ? "" : zh + " ", el("span", "en", en));
  }

  /** PARTIALLY_APPROVED → "Partially approved". */
  function english(name) {
    var s = String(name).toLowerCase().replace(/_/g, " ");
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function named(kind, name) {
    return both(ZH[kind][name] || name, english(name));
  }

  var MONEY = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function money(amount) {
    return MONEY.format(Number(amount)) + " 元 CNY";
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function status(id, state, zh, en) {
    var s = $(id);
    clear(s);
    s.className = "status" + (state === "error" ? " error" : "");
    if (zh || en) {
      s.appendChild(both(zh, en));
    }
    s.setAttribute("data-state", state);
  }

  function token() {
    try {
      return window.sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  /** A request to the service with the token when one is kept; resolves to {status, body} (JSON or null). */
  function call(method, path, body, contentType) {
    var headers = {};
    var t = token();
    if (t) {
      headers.Authorization = "Bearer " + t;
    }
    if (contentType) {
      headers["Content-Type"] = contentType;
    }
    return fetch(path, { method: method, headers: headers, body: body, cache: "no-store", credentials: "omit" })
      .then(function (r) {
        return r.text().then(function (text) {
          var json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch (e) {
            json = null;
          }
          if (r.status === 401) {
            needToken();
          }
          return { status: r.status, body: json };
        });
      });
  }

  function needToken() {
    $("token").hidden = false;
    if (token()) {
      status("token-status", "error", "令牌被拒绝（401）：请检查后重新输入。", "The token was refused (401): check it and enter it again.");
    } else {
      status("token-status", "error", "本服务需要令牌（401）：请输入令牌。", "This server needs a token (401): enter it.");
    }
  }

  /** A service error ({"error":{code,message,messageZh}}) or a claim's error record, said plainly. */
  function problemBox(response, zh, en) {
    var box = el("div", "error-box");
    box.appendChild(el("p", null, both(zh, en + " (HTTP " + response.status + ")")));
    var error = response.body && response.body.error;
    if (!error) {
      return box;
    }
    var facts = el("dl");
    function fact(labelZh, labelEn, value, mono) {
      if (value === null || value === undefined) {
        return;
      }
      facts.appendChild(el("dt", null, both(labelZh, labelEn)));
      facts.appendChild(el("dd", mono ? "mono" : null, String(value)));
    }
    fact("错误代码", "Code", error.code, true);
    fact("字段", "Field", error.field, true);
    if (response.body.claimId) {
      fact("索赔编号", "Claim", response.body.claimId, true);
    }
    facts.appendChild(el("dt", null, both("说明", "Message")));
    facts.appendChild(el("dd", null, error.messageZh ? el("span", "zh", error.messageZh) : null,
      error.messageZh ? el("br") : null, el("span", null, error.message)));
    box.appendChild(facts);
    return box;
  }

  function unauthorised(response) {
    return problemBox(response, "未授权：需要有效令牌", "Unauthorised: a valid token is needed");
  }

  // ---- the live rulebook ----

  function loadRulebook() {
    status("rulebook-status", "busy", "加载中…", "Loading…");
    return call("GET", "/v1/rulebook").then(function (r) {
      if (r.status !== 200 || !r.body) {
        $("rulebook-facts").hidden = true;
        $("rb-tables").hidden = true;
        if (r.status === 401) {
          status("rulebook-status", "error", "需要令牌才能查看规则手册。", "A token is needed to see the rulebook.");
        } else if (r.status === 503) {
          // still loading its rulebook, or too busy: ask again, as Retry-After says
          status("rulebook-status", "busy", "服务暂不可用，稍后自动重试……", "The server is not ready yet; trying again shortly…");
          window.setTimeout(loadRulebook, 1000);
        } else {
          var e = r.body && r.body.error;
          status("rulebook-status", "error", "无法读取规则手册" + (e ? "：" + e.messageZh : ""),
            "The rulebook cannot be read (HTTP " + r.status + ")" + (e ? ": " + e.message : ""));
        }
        return;
      }
      if (token()) {
        status("token-status", "done", "令牌已接受。", "The token was accepted.");
      }
      showRulebook(r.body);
    }, function () {
      status("rulebook-status", "error", "无法连接服务。", "The server cannot be reached.");
    });
  }

  function showRulebook(rb) {
    live = rb;
    cells = {};
    $("rb-name").textContent = rb.name;
    $("rb-version").textContent = rb.version === null ? "—" : rb.version;
    $("rb-fingerprint").textContent = rb.fingerprint;
    $("rb-workbooks").textContent = rb.workbooks.join(", ");
    var types = $("rb-types");
    clear(types);
    rb.claimTypes.forEach(function (t, i) {
      if (i > 0) {
        types.appendChild(document.createTextNode("; "));
      }
      types.appendChild(named("claimType", t));
    });
    var body = $("rb-tables").tBodies[0];
    clear(body);
    rb.tables.forEach(function (t) {
      body.appendChild(el("tr", null, el("td", null, t.table), el("td", "mono", t.workbook || "—"), el("td", "n", t.rows)));
      t.rules.forEach(function (rule) {
        cells[t.table + "\n" + rule.row] = rule.where;
      });
    });
    $("rulebook-facts").hidden = false;
    $("rb-tables").hidden = false;
    status("rulebook-status", "done", rb.tables.length + " 张规则表", rb.tables.length + " tables");
  }

  /** "W7-01 · warranty.xlsx!Coverage 保修范围!A11", or the table and row when the cell is unknown. */
  function ruleAt(ruleId, table, row) {
    var where = cells[table + "\n" + row];
    return ruleId + " · " + (where || table + " row " + row);
  }

  // ---- one claim explained ----

  function explain(event) {
    event.preventDefault();
    var text = $("claim-input").value;
    var result = $("claim-result");
    clear(result);
    if (!text.trim()) {
      status("claim-status", "error", "请先粘贴一笔索赔（JSON）。", "Paste one claim (JSON) first.");
      return;
    }
    $("claim-submit").disabled = true;
    status("claim-status", "busy", "处理中…", "Working…");
    call("POST", "/v1/explanations", text, "application/json").then(function (r) {
      if (r.status === 200 && r.body && r.body.verdict) {
        var again = live && r.body.verdict.rulebook.fingerprint !== live.fingerprint ? loadRulebook() : Promise.resolve();
        return again.then(function () {
          result.appendChild(explanation(r.body));
          status("claim-status", "done", "已判定。", "Adjudicated.");
        });
      }
      if (r.status === 400) {
        result.appendChild(problemBox(r, "不是有效的 JSON，索赔未被读取", "Not valid JSON: the claim was not read"));
      } else if (r.status === 422) {
        result.appendChild(problemBox(r, "索赔不符合契约，未予判定", "The claim breaks the contract and was not adjudicated"));
      } else if (r.status === 401) {
        result.appendChild(unauthorised(r));
      } else {
        result.appendChild(problemBox(r, "服务未能处理该请求", "The server did not handle the request"));
      }
      status("claim-status", "error", "未判定。", "Not adjudicated.");
    }, function () {
      status("claim-status", "error", "无法连接服务。", "The server cannot be reached.");
    }).then(function () {
      $("claim-submit").disabled = false;
    });
  }

  function explanation(x) {
    var v = x.verdict;
    var out = el("div", "verdict");
    out.appendChild(el("p", "decision " + v.decision, named("decision", v.decision)));
    var facts = el("dl");
    function fact(zh, en, value) {
      facts.appendChild(el("dt", null, both(zh, en)));
      facts.appendChild(el("dd", null, value));
    }
    fact("索赔", "Claim", el("span", null, el("span", "mono", v.claimId), " · ", named("claimType", v.type)));
    fact("处理方式", "Remedy", named("remedy", v.remedy));
    fact("赔付金额", "Payable", money(v.payableCny));
    fact("客户自付", "Customer pays", money(v.customerPaysCny));
    if (Number(v.usageCompensationCny) !== 0) {
      fact("使用补偿", "Usage compensation", money(v.usageCompensationCny));
    }
    if (v.missingDocuments.length) {
      var docs = el("span");
      v.missingDocuments.forEach(function (d, i) {
        if (i > 0) {
          docs.appendChild(document.createTextNode("; "));
        }
        docs.appendChild(named("document", d));
      });
      fact("缺少单证", "Missing documents", docs);
    }
    fact("规则手册", "Rulebook", (v.rulebook.name + " " + (v.rulebook.version || "")).trim() + " · " + v.rulebook.fingerprint);
    out.appendChild(facts);

    var claimReasons = v.reasons.filter(function (r) {
      return r.lineId === null || r.lineId === undefined;
    });
    if (claimReasons.length) {
      out.appendChild(el("h3", null, both("索赔层面的原因", "Reasons for the whole claim")));
      out.appendChild(reasonList(claimReasons));
    }
    if (v.lines.length) {
      out.appendChild(el("h3", null, both("逐项明细", "Lines")));
      var lines = el("table", null, el("thead", null, el("tr", null,
        el("th", null, both("明细", "Line")), el("th", null, both("承保", "Covered")), el("th", null, both("处理", "Remedy")),
        el("th", "n", both("赔付", "Payable")), el("th", null, both("原因", "Reasons")))));
      var body = el("tbody");
      v.lines.forEach(function (line) {
        body.appendChild(el("tr", null, el("td", "mono", line.lineId),
          el("td", null, line.covered ? both("是", "Yes") : both("否", "No")),
          el("td", null, named("remedy", line.remedy)), el("td", "n", money(line.payableCny)),
          el("td", null, reasonList(line.reasons))));
      });
      lines.appendChild(body);
      out.appendChild(lines);
    }
    if (v.charges.length) {
      out.appendChild(el("h3", null, both("费用分担", "Charges")));
      var charges = el("table", null, el("thead", null, el("tr", null, el("th", null, both("项目", "Item")),
        el("th", null, both("付款方", "Payer")), el("th", "n", both("金额", "Amount")))));
      var cb = el("tbody");
      v.charges.forEach(function (c) {
        cb.appendChild(el("tr", null, el("td", null, c.item), el("td", null, named("payer", c.payer)), el("td", "n", money(c.amountCny))));
      });
      charges.appendChild(cb);
      out.appendChild(charges);
    }
    out.appendChild(el("h3", null, both("起作用的规则行", "Rule rows that fired")));
    var fired = el("table", "fired", el("thead", null, el("tr", null, el("th", null, both("规则", "Rule")),
      el("th", null, both("规则表", "Table")), el("th", "n", both("行", "Row")), el("th", null, both("明细", "Line")),
      el("th", null, both("单元格", "Cell")))));
    var fb = el("tbody");
    x.fired.forEach(function (f) {
      fb.appendChild(el("tr", null, el("td", "mono", f.ruleId), el("td", null, f.table), el("td", "n", f.row),
        el("td", "mono", f.lineId === null ? "—" : f.lineId), el("td", "mono", cells[f.table + "\n" + f.row] || "—")));
    });
    fired.appendChild(fb);
    out.appendChild(fired);
    if (x.tables.length) {
      // long (every table the claim went through): folded until asked for
      out.appendChild(el("details", "traces", el("summary", null, both("逐表说明：命中的规则与最接近的未命中规则（" + x.tables.length
        + " 张表）", "Table by table: the row that matched and the nearest that did not (" + x.tables.length + " tables)")),
        traces(x.tables)));
    }
    return out;
  }

  /** A fact's value as text: lists joined, null as a dash. */
  function shown(value) {
    if (value === null || value === undefined) {
      return "—";
    }
    return Array.isArray(value) ? value.join(", ") : String(value);
  }

  function traces(tables) {
    var table = el("table", "traces", el("thead", null, el("tr", null, el("th", null, both("规则表", "Table")),
      el("th", null, both("明细", "Line")), el("th", null, both("命中", "Matched")),
      el("th", null, both("未命中（最接近的）", "Not matched (nearest)")))));
    var body = el("tbody");
    tables.forEach(function (t) {
      var matched = el("td");
      if (!t.matched.length) {
        matched.appendChild(both("无规则命中", "no row matched"));
      }
      t.matched.forEach(function (m) {
        var on = m.values.map(function (v) {
          return v.fact + " = " + shown(v.value);
        }).join(", ");
        matched.appendChild(el("div", null, el("span", "mono", ruleAt(m.ruleId, t.table, m.row)), on ? " · " + on : null));
      });
      var nearest = el("td");
      t.nearest.forEach(function (n) {
        var item = el("div", "miss", el("span", "mono", ruleAt(n.ruleId, t.table, n.row)));
        if (!n.failed.length) {
          item.appendChild(el("span", "zh", "条件也都符合，但前面的规则已先命中"));
          item.appendChild(el("span", "en", "matches too, but an earlier row decided first"));
        }
        n.failed.forEach(function (f) {
          var off = f.shortBy === null || Number(f.shortBy) === 0 ? "" : shown(f.shortBy);
          item.appendChild(el("span", "zh", "要求 " + f.fact + " " + f.condition + "，实际为 " + shown(f.actual)
            + (off ? "（相差 " + off + "）" : "")));
          item.appendChild(el("span", "en", "requires " + f.fact + " " + f.condition + "; the claim has " + shown(f.actual)
            + (off ? " (off by " + off + ")" : "")));
        });
        nearest.appendChild(item);
      });
      body.appendChild(el("tr", null, el("td", null, t.table), el("td", "mono", t.lineId === null ? "—" : t.lineId),
        matched, nearest));
    });
    table.appendChild(body);
    return table;
  }

  function reasonList(reasons) {
    var list = el("ul", "reasons");
    reasons.forEach(function (r) {
      list.appendChild(el("li", "reason", el("span", "zh", r.text), el("span", "en", r.textEn),
        el("span", "mono", r.code + " · " + ruleAt(r.ruleId, r.table, r.row))));
    });
    if (!reasons.length) {
      list.appendChild(el("li", "reason", both("无", "None")));
    }
    return list;
  }

  // ---- workbooks checked ----

  function check(event) {
    event.preventDefault();
    var files = $("check-input").files;
    var result = $("check-result");
    clear(result);
    if (!files || !files.length) {
      status("check-status", "error", "请先选择一个或多个 .xlsx 工作簿。", "Choose one or more .xlsx workbooks first.");
      return;
    }
    var form = new FormData();
    for (var i = 0; i < files.length; i++) {
      form.append("workbook", files[i], files[i].name);
    }
    $("check-submit").disabled = true;
    status("check-status", "busy", "检查中…", "Checking…");
    call("POST", "/v1/rulebook/check", form, null).then(function (r) {
      if (r.status === 200 && Array.isArray(r.body)) {
        result.appendChild(findings(r.body));
        status("check-status", "done", "检查完成。", "Checked.");
        return;
      }
      result.appendChild(r.status === 401 ? unauthorised(r)
        : problemBox(r, "工作簿未能检查", "The workbooks were not checked"));
      status("check-status", "error", "未检查。", "Not checked.");
    }, function () {
      status("check-status", "error", "无法连接服务。", "The server cannot be reached.");
    }).then(function () {
      $("check-submit").disabled = false;
    });
  }

  function findings(list) {
    if (!list.length) {
      return el("p", "no-findings", both("没有发现问题：工作簿通过检查。", "No findings: the workbooks pass."));
    }
    var errors = list.filter(function (f) {
      return f.severity === "ERROR";
    }).length;
    var out = el("div");
    var warnings = list.length - errors;
    out.appendChild(el("p", null, both(errors + " 个错误，" + warnings + " 个警告",
      errors + (errors === 1 ? " error, " : " errors, ") + warnings + (warnings === 1 ? " warning" : " warnings"))));
    var table = el("table", "findings", el("thead", null, el("tr", null, el("th", null, both("位置", "Cell")),
      el("th", null, both("级别", "Severity")), el("th", null, both("问题", "Problem")), el("th", null, both("修改方法", "How to fix")))));
    var body = el("tbody");
    list.forEach(function (f) {
      body.appendChild(el("tr", null, el("td", "mono", f.where),
        el("td", "sev-" + f.severity, f.severity === "ERROR" ? both("错误", "Error") : both("警告", "Warning")),
        el("td", null, el("span", "zh", f.messageZh || ""), el("br"), el("span", "en", f.message)),
        el("td", null, el("span", "zh", f.hintZh || ""), el("br"), el("span", "en", f.hint || ""))));
    });
    table.appendChild(body);
    out.appendChild(table);
    return out;
  }

  // ---- start ----

  function useToken(event) {
    event.preventDefault();
    var value = $("token-input").value.trim();
    try {
      if (value) {
        window.sessionStorage.setItem(TOKEN_KEY, value);
      } else {
        window.sessionStorage.removeItem(TOKEN_KEY);
      }
    } catch (e) {
      status("token-status", "error", "浏览器不允许会话存储。", "The browser does not allow session storage.");
      return;
    }
    $("token-input").value = "";
    loadRulebook();
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("token-form").addEventListener("submit", useToken);
    $("claim-form").addEventListener("submit", explain);
    $("check-form").addEventListener("submit", check);
    loadRulebook();
  });
})();
