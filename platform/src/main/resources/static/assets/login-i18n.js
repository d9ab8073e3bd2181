// The sign-in page's words: Chinese first; English on request, remembered in this browser (the workbench reads the same choice).
window.DubanI18n = (function () {
  const dict = {
    subtitle: ['目标责任制考核与督查', 'Target-responsibility assessment and supervision'],
    username: ['用户名', 'User name'], password: ['密码', 'Password'], signIn: ['登录', 'Sign in'],
    signInFailed: ['用户名或密码不正确，或尝试过多请稍后再试', 'Wrong user name or password, or too many attempts: wait and retry'],
    signedOut: ['已退出登录', 'Signed out'],
    expired: ['页面已过期，请重新登录', 'The page had expired: please sign in again'],
    lapsed: ['登录已超时，请重新登录；登录后回到刚才的页面', 'Your session ended: sign in again to go back to where you were'],
    disabled: ['该账号已停用，如需使用请联系流管中心', 'This account is disabled: ask the lead office to enable it'],
    starting: ['系统正在启动…请稍候，启动完成后即可登录', 'Duban is starting… you can sign in as soon as it is ready']
  };
  let current = localStorage.getItem('duban.lang') || 'zh';
  function t(key) {
    const entry = dict[key];
    return entry ? entry[current === 'zh' ? 0 : 1] : key;
  }
  function apply(root) {
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  }
  function toggle() {
    current = current === 'zh' ? 'en' : 'zh';
    localStorage.setItem('duban.lang', current);
  }
  return { t, apply, toggle, lang: () => current };
})();
