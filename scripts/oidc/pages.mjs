// The development provider's own pages: a plain login form (labelled inputs, one submit button, so a person and
// Playwright drive it alike) and the sign-out confirmation. No scripts, no external styles: nothing to fetch.

const escape = (value) =>
  String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.25rem;padding:.6rem 1.4rem;font-size:1rem}.error{color:#a00000;font-weight:600}
table{border-collapse:collapse;margin-top:.5rem;font-size:.9rem}td,th{padding:.2rem .6rem;text-align:left}`;

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

/**
 * The login form of one interaction. Selectors: label "Nama pengguna" (#username), label "Kata sandi" (#password),
 * button "Masuk"; a refusal is shown in role="alert".
 */
export function loginPage({ uid, clientName, accounts, password, error, username = '' }) {
  const rows = accounts
    .map(
      (a) =>
        `<tr><td><code>${escape(a.username)}</code></td><td>${escape(a.role)}</td><td>${escape(a.regencyCode ?? '')}</td></tr>`,
    )
    .join('');
  return page(
    'Masuk — Registri Stunting (pengembangan)',
    `<h1>Masuk ke ${escape(clientName)}</h1>
<p>Penyedia identitas pengembangan (development OpenID provider). Jangan dipakai di produksi.</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login" autocomplete="off">
<label for="username">Nama pengguna</label>
<input id="username" name="username" value="${escape(username)}" required autofocus autocomplete="username">
<label for="password">Kata sandi</label>
<input id="password" name="password" type="password" required autocomplete="current-password">
<button type="submit">Masuk</button>
</form>
<h2>Akun demo</h2>
<p>Kata sandi semua akun: <code>${escape(password)}</code></p>
<table><thead><tr><th scope="col">nama pengguna</th><th scope="col">peran</th><th scope="col">kabupaten</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  );
}

/** The sign-out confirmation oidc-provider asks for (its form carries the xsrf token). Button "Keluar". */
export function logoutPage(form) {
  return page(
    'Keluar — Registri Stunting (pengembangan)',
    `<h1>Keluar dari Registri Stunting?</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Keluar</button>`,
  );
}

export function signedOutPage() {
  return page('Sudah keluar', '<h1>Anda sudah keluar.</h1>');
}

/** An interaction that is unknown or expired (the provider restarted, or the tab was left open for an hour). */
export function errorPage(message) {
  return page('Gagal masuk', `<h1>Gagal masuk</h1><p role="alert">${escape(message)}</p>`);
}
