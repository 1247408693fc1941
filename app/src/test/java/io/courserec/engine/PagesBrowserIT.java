package io.courserec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.courserec.api.CourseRecServer;
import io.courserec.config.Config;
import io.courserec.config.ConfigKey;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's Chromium driven by {@code /usr/bin/chromedriver}, both named explicitly so
 * Selenium Manager never looks for a driver on the network. Skips (one line) when either is missing. One engine over
 * the small fixture (a build takes about a second) behind two servers, the recommendation cache on and off, both
 * with a service token and an admin token, so the pages must send the tokens the API asks for.
 *
 * <p>Screenshots go to {@code target/screenshots}, or to the directory named by {@code -Dcourserec.screenshots=DIR}
 * (the README's come from {@code -Dcourserec.screenshots=docs/screenshots}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final String ADMIN = "browser-admin-token";
  static final String SERVICE = "browser-service-token";
  static final Duration WAIT = Duration.ofSeconds(30); // turns a hang into a failure; says nothing about speed

  Engine engine;
  CourseRecServer cached;
  CourseRecServer uncached;
  WebDriver browser;
  WebDriverWait until;
  Path shots;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) System.out.println("PagesBrowserIT skipped: no " + CHROMIUM + " or " + DRIVER
        + " (apt-get install chromium chromium-driver)");
    Assumptions.assumeTrue(present, "no " + CHROMIUM + " or " + DRIVER + ": browser tests skipped");
    shots = Path.of(System.getProperty("courserec.screenshots", "target/screenshots"));
    Files.createDirectories(shots);
    Config base = EngineFixture.config(tmp, Map.of(ConfigKey.SERVER_PORT, 0, ConfigKey.ADMIN_TOKEN, ADMIN,
        ConfigKey.API_TOKEN, SERVICE, ConfigKey.SERVER_STATUS_REFRESH, 100,
        ConfigKey.PROMOTE_MARGIN, 1.0)); // promote every retrain: the gate is ModelLifecycleTest's
    engine = Engines.open(base);
    EngineFixture.await(() -> engine.status().ready(), "the first model");
    cached = CourseRecServer.start(engine, base);
    uncached = CourseRecServer.start(engine, base.with(ConfigKey.CACHE_BYTES, 0));

    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-dev-shm-usage", "--window-size=1280,1000");
    browser = new ChromeDriver(service, options);
    until = new WebDriverWait(browser, WAIT);
    // the pages re-render while they poll: an element replaced between finding and reading is looked up again
    until.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.quit();
    if (cached != null) cached.stop();
    if (uncached != null) uncached.stop();
    if (engine != null) engine.close();
  }

  // ---- learner page ----------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void learnerPageWithTheCacheOn() throws IOException {
    browser.get(cached.url() + "/");
    signInAsService();
    // the example buttons come from GET /learners/examples; the first is the richest learner
    WebElement rich = until.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#example-buttons button[data-kind=rich]")));
    String user = rich.getText().split(" ")[0];
    rich.click();
    List<WebElement> cards = awaitCards();
    assertThat(cards.get(0).findElement(By.cssSelector(".conf meter")).getDomAttribute("value")).isNotBlank();
    assertThat(cards.get(0).findElements(By.cssSelector(".bar .seg"))).isNotEmpty();
    assertThat(cards.get(0).findElement(By.cssSelector(".legend")).getText()).contains("%");
    // the signals' own calibrated confidences from /recommend's signal_confidences, in the bar's words
    assertThat(cards.get(0).findElement(By.cssSelector(".bar")).getDomAttribute("aria-label")).contains("likely on its own");
    // ask again: this answer comes from the cache, and feedback must still show at once below
    browser.findElement(By.cssSelector("#who button[type=submit]")).click();
    awaitCards();

    // an explanation opens
    cards = awaitCards();
    cards.get(0).findElement(By.cssSelector("button[data-action=why]")).click();
    WebElement why = until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#recs .why .summary")));
    assertThat(why.getText()).isNotBlank();
    assertThat(browser.findElements(By.cssSelector("#recs .why table.signals tbody tr"))).isNotEmpty();

    // a search returns results, ordered for the learner: "SQL" is the fixture's ds1 (EngineServerIT)
    browser.findElement(By.id("q")).sendKeys("SQL");
    browser.findElement(By.cssSelector("#search button")).click();
    WebElement first = until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results li.card")));
    assertThat(first.getDomAttribute("data-course")).isEqualTo("ds1");
    assertThat(browser.findElement(By.id("search-note")).getText()).contains("ordered for " + user);

    dismissAndEnroll();
    shoot("learner.png");

    // the course view: prerequisites and similar courses
    awaitCards().get(0).findElement(By.cssSelector(".card-head button.link")).click();
    until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#course-panel h3")));
    until.until(d -> !d.findElements(By.cssSelector("#similar li")).isEmpty());
    assertThat(browser.findElement(By.id("course")).getText()).contains("Prerequisites", "Similar courses");
    browser.findElement(By.id("course-panel")).getRect(); // scrolled into view by the page's focus()
    shoot("course.png");

    // the plan panel: this server has GET /paths, and the page lists the steps the API plans for the learner
    assertThat(browser.findElement(By.id("plan-panel")).isDisplayed()).isTrue();
    int steps = engine.path(new PathQuery(user, java.util.List.of("Algorithms"), null, null, null)).steps().size();
    browser.findElement(By.id("goal")).sendKeys("Algorithms");
    browser.findElement(By.cssSelector("#plan-form button")).click();
    until.until(d -> !d.findElement(By.id("plan")).getText().startsWith("Planning"));
    assertThat(browser.findElement(By.id("plan")).getText()).doesNotStartWith("No plan");
    assertThat(browser.findElements(By.cssSelector("#plan li"))).hasSize(steps);
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('plan-panel').scrollIntoView()");
    shoot("plan.png");

    // a phone-sized window: nothing wider than the screen
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.navigate().refresh();
    awaitCards();
    Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(overflow.intValue()).as("horizontal overflow in px at 390 px wide").isLessThanOrEqualTo(0);
    shoot("learner-phone.png");
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @Test
  @Order(2)
  void learnerPageWithTheCacheOffAndTheKeyboard() {
    browser.get(uncached.url() + "/?user=u02"); // another origin (port): its own sessionStorage, so the token again
    signInAsService();
    awaitCards();
    dismissAndEnroll();

    // the new learner of the examples: a cold start from the declared interests, no history yet
    browser.findElement(By.cssSelector("#example-buttons button[data-kind=newcomer]")).click();
    until.until(d -> d.findElement(By.id("recs-note")).getText().contains("from your interests"));
    until.until(d -> d.findElement(By.id("history-note")).getText().startsWith("No history yet"));
    assertThat(browser.findElement(By.id("interests")).getDomProperty("value")).isNotBlank();
    awaitCards();
  }

  /** Dismisses the first course (it leaves the list) and enrolls in the next (it leaves the list, joins the history). */
  private void dismissAndEnroll() {
    List<WebElement> cards = awaitCards();
    String dismissed = cards.get(0).getDomAttribute("data-course");
    cards.get(0).findElement(By.cssSelector("button[data-action=dismiss]")).click();
    until.until(d -> d.findElement(By.id("status")).getText().startsWith("Dismissed"));
    awaitCards();
    // the list was asked for again after the feedback: still gone
    assertThat(courses()).as("after dismissing " + dismissed).doesNotContain(dismissed);

    // enroll with the keyboard: focus the button and press Enter
    cards = awaitCards();
    String enrolled = cards.get(0).getDomAttribute("data-course");
    WebElement enroll = cards.get(0).findElement(By.cssSelector("button[data-action=enroll]"));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus();", enroll);
    browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
    until.until(d -> d.findElement(By.id("status")).getText().startsWith("Enrolled"));
    until.until(d -> !d.findElements(By.cssSelector("#history li[data-course='" + enrolled + "'][data-event=enroll]")).isEmpty());
    awaitCards();
    assertThat(courses()).as("after enrolling in " + enrolled).doesNotContain(enrolled, dismissed);
  }

  private List<String> courses() {
    return browser.findElements(By.cssSelector("#recs li.card")).stream().map(e -> e.getDomAttribute("data-course")).toList();
  }

  /** The cards once the list is drawn: not busy (the page sets aria-busy while it asks for the list) and not empty. */
  private List<WebElement> awaitCards() {
    until.until(d -> "false".equals(d.findElement(By.id("recs")).getDomAttribute("aria-busy"))
        && !d.findElements(By.cssSelector("#recs li.card")).isEmpty());
    return browser.findElements(By.cssSelector("#recs li.card"));
  }

  private void signInAsService() {
    WebElement token = until.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    assertThat(browser.findElement(By.id("status")).getText()).contains("service token");
    token.sendKeys(SERVICE);
    browser.findElement(By.cssSelector("#token-form button")).click();
    until.until(ExpectedConditions.invisibilityOfElementLocated(By.id("token-form")));
  }

  // ---- operator page ---------------------------------------------------------------------------------------------

  @Test
  @Order(3)
  void operatorPageRefusesAWrongTokenListsTheModelAndRetrains() throws IOException, InterruptedException {
    browser.get(cached.url() + "/admin");
    WebElement token = until.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    token.sendKeys("not-the-token");
    browser.findElement(By.cssSelector("#token-form button")).click();
    until.until(d -> d.findElement(By.id("login-status")).getText().contains("refused"));
    assertThat(browser.findElement(By.id("console")).isDisplayed()).isFalse();

    // a reindex started elsewhere (through the API) before signing in: the page finds it through GET /admin/jobs and
    // shows it, running or, on a fast machine, already done
    JobStatus elsewhere = engine.startReindex();
    EngineFixture.await(() -> engine.job(elsewhere.id()).finishedAt() != null, "the reindex started through the API");
    browser.findElement(By.id("token")).sendKeys(ADMIN);
    browser.findElement(By.cssSelector("#token-form button")).click();
    until.until(d -> d.findElement(By.id("job")).getText().contains(elsewhere.id()));
    String serving = engine.status().modelVersion();
    until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#models-table tr.current[data-version='" + serving + "']")));
    until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#quality-table tbody tr")));
    until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#charts svg.chart")));
    until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#routes tbody tr")));
    assertThat(browser.findElement(By.id("quality")).getText()).contains("courses.csv");

    browser.findElement(By.id("retrain")).click();
    // read the text inside the wait: the job panel may be replaced between finding it and reading it (a stale
    // element failed this line once on a loaded machine)
    String done = until.until(d -> {
      WebElement e = d.findElement(By.cssSelector("#job [data-state=succeeded]"));
      return e.isDisplayed() ? e.getText() : null;
    });
    assertThat(done).contains("stage: done", "100 %");
    String next = engine.status().modelVersion();
    assertThat(next).isNotEqualTo(serving);
    until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#models-table tr.current[data-version='" + next + "']")));
    until.until(d -> !d.findElement(By.id("rate")).getText().equals("measuring…"));
    // the learner page asked this (cached) server for the same list twice before any feedback: one hit at least
    String hits = browser.findElement(By.id("hit-ratio")).getText();
    assertThat(hits).as("cache hit ratio").doesNotStartWith("no lookups").doesNotStartWith("0.0 %");
    browser.manage().window().setSize(new Dimension(1280, 1800));
    shoot("operator.png");
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  // ---- API docs --------------------------------------------------------------------------------------------------

  @Test
  @Order(4)
  void docsRenderTheServedOpenApiDocument() throws IOException {
    browser.get(cached.url() + "/docs");
    until.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
    assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).contains("courserec API");
    until.until(d -> d.findElements(By.cssSelector(".swagger-ui .opblock")).size() > 20);
    assertThat(browser.findElement(By.cssSelector(".swagger-ui")).getText()).contains("/recommend", "/admin/summary",
        cached.url()); // "Try it out" goes to the server that served the page
    shoot("docs.png");
  }

  private void shoot(String name) throws IOException {
    File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), shots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
