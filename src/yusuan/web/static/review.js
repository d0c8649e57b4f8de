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
      var one = e.submitter && e.submitter.name === "one";
      var n = one ? 1 : picked(form);
      if (!n) { e.preventDefault(); alert("请先勾选要标记为误报的发现。"); return; }
      if (!confirm("确认将" + (one ? "这条" : "所选 " + n + " 条") + "发现标记为误报（已接受）？\n可在“已接受”中查看并撤销。")) e.preventDefault();
    } else if (form.classList.contains("delete-form")) {
      if (!confirm("确认删除 " + form.dataset.what + "？\n删除后不可恢复，删除记录（操作人、时间、理由）会保留。")) e.preventDefault();
    } else if (form.classList.contains("undo-form")) {
      if (!confirm("撤销接受后，这条发现将重新计入待处理。确认撤销？")) e.preventDefault();
    }
  });

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
