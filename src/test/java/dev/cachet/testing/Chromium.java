package dev.cachet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for end-to-end tests, driven through WebDriver: Debian's
 * {@code /usr/bin/chromium} through Debian's {@code /usr/bin/chromedriver}, both named explicitly so
 * that Selenium Manager never downloads anything. Each instance has a fresh profile
 * ({@code --user-data-dir}), its own {@code HOME} (Chromium reads the NSS database
 * {@code $HOME/.pki/nssdb} for locally trusted roots on Linux) and host names mapped to loopback
 * addresses with {@code --host-resolver-rules}, so no DNS is asked.
 *
 * <pre>{@code
 * try (Chromium browser = Chromium.start(home, Map.of("site.test", "127.0.0.1"))) {
 *     browser.open("https://site.test:8444/");
 *     browser.click(By.id("confirm"));
 *     String text = browser.text(By.id("status"));
 *     browser.screenshot("confirmed");
 * }
 * }</pre>
 */
public final class Chromium implements AutoCloseable {
    /** Debian's Chromium (package chromium). */
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    /** Debian's driver for it (package chromium-driver), of the same version. */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ELEMENT_WAIT = Duration.ofSeconds(10);
    /**
     * Selenium looks for DevTools (CDP) bindings of the browser's version at start and warns when it has
     * none; WebDriver commands do not use them. Held here so the level is not lost to garbage collection.
     */
    private static final Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

    private final ChromeDriver driver;
    private final Path home;

    private Chromium(ChromeDriver driver, Path home) {
        this.driver = driver;
        this.home = home;
    }

    /** Skips the calling test when Chromium or its driver is missing (fails on CI), as for any external tool. */
    public static void require() {
        ExternalTool.require("chromium", Files.isExecutable(BROWSER));
        ExternalTool.require("chromedriver", Files.isExecutable(DRIVER));
    }

    /**
     * Starts a browser.
     *
     * @param home the browser's {@code HOME}: an empty folder, or one holding {@code .pki/nssdb}; the
     *     profile is created in {@code home/profile}
     * @param hosts host names and the loopback address each resolves to, such as {@code site.test -> 127.0.0.1}
     * @return the running browser
     */
    public static Chromium start(Path home, Map<String, String> hosts) {
        require();
        Path profile = home.resolve("profile");
        try {
            Files.createDirectories(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(arguments(profile, hosts));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toAbsolutePath().toString()))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
        // findElement waits for an element to appear (a page's script may add it after the load event).
        driver.manage().timeouts().implicitlyWait(ELEMENT_WAIT);
        return new Chromium(driver, home);
    }

    private static List<String> arguments(Path profile, Map<String, String> hosts) {
        List<String> arguments = new ArrayList<>(List.of("--headless=new",
                // Chromium's sandbox needs user namespaces, which containers and root (CI) lack.
                "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1024,768"));
        if (!hosts.isEmpty()) {
            arguments.add("--host-resolver-rules=" + hosts.entrySet().stream()
                    .map(host -> "MAP " + host.getKey() + " " + host.getValue()).collect(Collectors.joining(", ")));
        }
        return arguments;
    }

    /**
     * Opens a page and waits until it has loaded (or shown an error page).
     *
     * @param url the address
     */
    public void open(String url) {
        driver.get(url);
    }

    /** @return the address of the page shown, {@code chrome-error://chromewebdata/} for an error page */
    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** @return the page's title */
    public String title() {
        return driver.getTitle();
    }

    /** @return the page's HTML as the browser has it now; an error page names its error, such as ERR_CERT_... */
    public String pageSource() {
        return driver.getPageSource();
    }

    /**
     * Reads the text of an element, waiting for it to appear.
     *
     * @param locator such as {@code By.id("status")}
     * @return its visible text
     */
    public String text(By locator) {
        return await(locator).getText();
    }

    /**
     * Clicks an element, waiting for it to appear.
     *
     * @param locator such as {@code By.cssSelector("button[type=submit]")}
     */
    public void click(By locator) {
        await(locator).click();
    }

    /**
     * Finds an element, waiting up to 10 seconds for it to appear.
     *
     * @param locator the element
     * @return the element, once present
     */
    public WebElement await(By locator) {
        return driver.findElement(locator);
    }

    /**
     * Saves a screenshot as a test artifact: {@code target/browser-artifacts/NAME.png}.
     *
     * @param name the file name without extension
     * @return the file
     */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "browser-artifacts");
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the browser's {@code HOME} */
    public Path home() {
        return home;
    }

    /** @return the WebDriver, for what this class does not offer */
    public ChromeDriver driver() {
        return driver;
    }

    /** Closes the browser and stops the driver. */
    @Override
    public void close() {
        driver.quit();
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /**
     * Maps one host name to 127.0.0.1, the usual case.
     *
     * @param name the host name
     * @return the map for {@link #start}
     */
    public static Map<String, String> loopback(String name) {
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put(name, "127.0.0.1");
        return hosts;
    }
}
