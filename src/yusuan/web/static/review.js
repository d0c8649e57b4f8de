/* The findings panel: selection count and confirmation for accepting; the boxed place of a page
   picture scrolled into view when it loads. No library besides htmx. */
(function () {
  function picked(form) { return form.querySelectorAll("input.pick:checked").length; }

  document.addEventListener("change", function (e) {
    var form = e.target.closest && e.target.closest("#accept-form");
    if (!form || !e.target.classList.contains("pick")) return;
    var n = picked(form);
    form.querySelector(".picked").textContent = n ? "已选 " + n + " 条" : "未选择";
  });

  // The source beside a finding closes with its own button (no inline handler: the CSP forbids them).
  document.addEventListener("click", function (e) {
    var close = e.target.closest && e.target.closest("[data-close-source]");
    if (close) close.closest(".source-slot").innerHTML = "";
  });

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.id === "accept-form") {
      var by = e.submitter && e.submitter.name;
      var n = by === "one" ? 1 : by === "like" ? Number(e.submitter.dataset.count) : picked(form);
      if (!n) { e.preventDefault(); alert("请先勾选要标记为误报的发现。"); return; }
      var what = by === "one" ? "这条发现" : by === "like" ? "同一规则、同一原因的 " + n + " 条发现（含未显示的）" : "所选 " + n + " 条发现";
      if (!confirm("确认将" + what + "标记为误报（已接受）？\n可在“已接受”中查看并撤销。")) { e.preventDefault(); return; }
      remember("已将" + (by === "one" ? "这条发现" : " " + n + " 条发现") + "标记为误报。可在“已接受”中查看或撤销。");
    } else if (form.classList.contains("delete-form")) {
      if (!confirm("确认删除 " + form.dataset.what + "？\n删除后不可恢复，删除记录（操作人、时间、理由）会保留。")) e.preventDefault();
    } else if (form.classList.contains("undo-form")) {
      if (!confirm("撤销接受后，这条发现将重新计入待处理。确认撤销？")) { e.preventDefault(); return; }
      remember("已撤销接受，这条发现重新计入待处理。");
    }
  });

  // After accepting (or undoing), the page comes back where the reviewer was, and says what was done.
  var AFTER = "yusuan-after-change";
  function panel() { return document.getElementById("findings-panel"); }
  function remember(message) {
    var p = panel();
    sessionStorage.setItem(AFTER, JSON.stringify({path: location.pathname, y: window.scrollY,
      panel: p ? p.scrollTop : 0, message: message, at: Date.now()}));
  }
  function restore() {
    var saved = sessionStorage.getItem(AFTER);
    if (!saved) return;
    sessionStorage.removeItem(AFTER);
    var s = JSON.parse(saved);
    if (s.path !== location.pathname || Date.now() - s.at > 60000) return;
    window.scrollTo(0, s.y);
    var p = panel();
    if (p) p.scrollTop = s.panel;
    var toast = document.createElement("div");
    toast.className = "toast"; toast.id = "toast"; toast.setAttribute("role", "status");
    toast.textContent = s.message;
    document.body.appendChild(toast);
    setTimeout(function () { toast.classList.add("gone"); }, 8000);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", restore);
  else restore();

  // Folded sections: a link to a place inside one (a finding's cell, a section) unfolds it first.
  function unfold(id) {
    var el = id && document.getElementById(id);
    for (var d = el && el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
    return el;
  }
  document.addEventListener("click", function (e) {
    var fold = e.target.closest && e.target.closest("[data-fold]");
    if (fold) {
      var open = fold.dataset.fold === "open";
      document.querySelectorAll("details.section").forEach(function (d) { d.open = open; });
      return;
    }
    var a = e.target.closest && e.target.closest('a[href^="#"]');
    if (a && a.getAttribute("href").length > 1) unfold(a.getAttribute("href").slice(1));
  }, true);
  if (location.hash) { var target = unfold(location.hash.slice(1)); if (target) target.scrollIntoView(); }
  document.addEventListener("toggle", function (e) {
    if (e.target.classList && e.target.classList.contains("section") && e.target.open) setTimeout(resizeCharts, 0);
  }, true);

  // A marked cell links to its finding; when the list hides it (rounding, or accepted), show the
  // list that has it instead of jumping nowhere.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#f"]');
    if (!a || document.getElementById(a.getAttribute("href").slice(1))) return;
    e.preventDefault();
    var cell = a.closest("td"), tab = cell && cell.classList.contains("accepted") ? "&tab=accepted" : "";
    location.href = location.pathname + "?rounding=1" + tab + a.getAttribute("href");
  });

  // Opening or closing a page beside a finding changes the columns' widths: charts follow.
  function resizeCharts() {
    if (!window.echarts) return;
    document.querySelectorAll(".chart").forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) chart.resize();
    });
  }
  document.addEventListener("htmx:afterSettle", resizeCharts);
  document.addEventListener("click", function (e) {
    if (e.target.classList && e.target.classList.contains("close")) setTimeout(resizeCharts, 0);
  });
  window.addEventListener("resize", resizeCharts);

  // A page picture: scroll its frame so the red box is in view (pictures load after the swap).
  document.addEventListener("load", function (e) {
    var img = e.target;
    if (!img.classList || !img.classList.contains("page-img") || !img.dataset.box) return;
    var b = img.dataset.box.split(",").map(Number), scale = Number(img.dataset.scale);
    var ratio = img.clientWidth / img.naturalWidth, frame = img.parentElement;
    frame.scrollTop = Math.max(0, b[1] * scale * ratio - frame.clientHeight / 3);
    frame.scrollLeft = Math.max(0, b[0] * scale * ratio - frame.clientWidth / 4);
  }, true);
})();
