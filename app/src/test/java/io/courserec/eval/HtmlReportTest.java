package io.courserec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** index.html: well-formed, complete, self-contained, and its charts print every name and value in full. */
class HtmlReportTest {
  /** Names as long as the real ones (the old vertical NDCG chart cut "hybrid" to "hybr…"). */
  private static final List<String> NAMES = List.of("hybrid", "itemknn-recent", "hybrid-mmr0.8-cold-start-switch");

  /** The fixture report with its two results copied under realistic, longer names, some values equal. */
  private static ExperimentReport report() {
    ExperimentReport r = ReportWriterTest.report();
    List<AlgorithmResult> results = new ArrayList<>(r.results());
    for (String name : NAMES) {
      AlgorithmResult a = r.results().getFirst();
      results.add(new AlgorithmResult(name, a.split(), a.k(), a.testUsers(), a.servedUsers(), 0, a.metrics(),
          a.trainSeconds(), a.ranking(), a.calibration(), a.perUserNdcg(), a.perUserSegment()));
    }
    return new ExperimentReport(r.timestamp(), r.dataSource(), r.dataHash(), r.configHash(), r.gitCommit(), r.seed(),
        r.k(), r.evalSettings(), r.environment(), r.splits(), results);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> texts(Document d, String xpath) throws Exception {
    NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent().strip());
    return out;
  }

  @Test
  void writtenWithTheReportAndWellFormedWithEveryRowAndEveryChart(@TempDir Path dir) throws Exception {
    ExperimentReport r = report();
    List<Path> files = ReportWriter.write(r, dir);
    Path index = dir.resolve("index.html");
    assertThat(files).contains(index);
    String html = Files.readString(index);
    Document d = parse(html); // throws on anything not well-formed
    assertThat(html).startsWith("<!DOCTYPE html>");

    // one results row per algorithm x split, first cell the algorithm
    List<String> rowNames = texts(d, "//h2[@id='results']/following-sibling::div[1]//tr/td[1]");
    List<String> expected = r.results().stream().map(AlgorithmResult::algorithm).toList();
    assertThat(rowNames).containsExactlyElementsOf(expected);

    // every chart of the report, once, as inline SVG in its own figure
    List<ReportCharts.Chart> charts = ReportCharts.charts(r);
    assertThat(texts(d, "//figure/@id")).containsExactlyInAnyOrderElementsOf(
        charts.stream().map(c -> "chart-" + c.file().replace(".png", "")).toList());
    assertThat(((NodeList) XPathFactory.newInstance().newXPath().evaluate("//figure/*[local-name()='svg']", d,
        XPathConstants.NODESET)).getLength()).isEqualTo(charts.size());
    // "fixed" and the three copies of it give confidences: four reliability diagrams and four tables
    assertThat(charts.stream().filter(c -> c.file().startsWith("calibration-"))).hasSize(4);
    assertThat(texts(d, "//h3")).hasSize(4).allMatch(t -> t.contains(" on manual: ECE 0.2333"));

    // the run's parameters
    assertThat(html).contains("eval.calibration_bins=2").contains("seed 42").contains("K = 3").contains("abc123");
  }

  @Test
  void loadsNothingFromAnywhere() {
    String html = HtmlReport.render(report());
    // XML namespace names are identifiers, never fetched; nothing else may name a scheme or a host
    String rest = html.replaceAll("xmlns(:\\w+)?=(['\"])[^'\"]*\\2", "");
    assertThat(rest).doesNotContainPattern("(?i)https?:").doesNotContain("//cdn").doesNotContain("<script")
        .doesNotContain("<link").doesNotContain("<img").doesNotContain("@import");
    Matcher refs = Pattern.compile("(?:href|src)=['\"]([^'\"]*)['\"]").matcher(rest);
    Set<String> targets = new HashSet<>();
    while (refs.find()) targets.add(refs.group(1));
    assertThat(targets).allMatch(t -> t.startsWith("#") || t.equals("results.json") || t.equals("results.md"));
  }

  /** A drawn string: where it starts and its baseline, its font size, and the text. */
  private record Label(double x, double y, double size, String text, String chart) {
    /** A generous box: the width of an average sans-serif character is about 0.55 of the size; use 0.6. */
    boolean overlaps(Label o) {
      double w = 0.6 * size * text.length();
      double ow = 0.6 * o.size * o.text.length();
      return x < o.x + ow && o.x < x + w && y - size < o.y && o.y - o.size < y;
    }
  }

  @Test
  void barChartsPrintEveryNameInFullAndNoTwoLabelsOverlap() throws Exception {
    ExperimentReport r = report();
    for (ReportCharts.Chart c : ReportCharts.charts(r)) {
      if (c.file().startsWith("calibration-")) continue;
      Document d = parse(c.svg());
      NodeList nodes = d.getElementsByTagName("text");
      List<Label> labels = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        Element e = (Element) nodes.item(i);
        String t = e.getTextContent();
        assertThat(t).as(c.file()).doesNotContain("…").doesNotContain("...");
        if (e.hasAttribute("transform") && !e.getAttribute("transform").isBlank()) continue; // the rotated axis title
        Matcher size = Pattern.compile("font-size: *([\\d.]+)px").matcher(e.getAttribute("style"));
        labels.add(new Label(Double.parseDouble(e.getAttribute("x")), Double.parseDouble(e.getAttribute("y")),
            size.find() ? Double.parseDouble(size.group(1)) : 12, t, c.file()));
      }
      List<String> drawn = labels.stream().map(Label::text).toList();
      assertThat(drawn).as(c.file()).containsAll(NAMES);
      for (int i = 0; i < labels.size(); i++) {
        for (int j = i + 1; j < labels.size(); j++) {
          assertThat(labels.get(i).overlaps(labels.get(j))).as("%s: %s / %s", c.file(), labels.get(i), labels.get(j))
              .isFalse();
        }
      }
    }
  }
}
