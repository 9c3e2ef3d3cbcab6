package org.hccguidance.scenario;

/** JUnit XML for CI systems: one test case per scenario, named by its id. */
public final class JunitXmlReport {

    private JunitXmlReport() {
    }

    public static String render(SuiteResult suite) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"hcc-guidance-scenarios\" tests=\"").append(suite.scenarios().size())
         .append("\" failures=\"").append(suite.failed()).append("\" errors=\"0\" skipped=\"0\">\n");
        x.append("  <properties><property name=\"rulesetVersion\" value=\"").append(HtmlReport.esc(suite.rulesetVersion()))
         .append("\"/><property name=\"ruleCoveragePercent\" value=\"").append(suite.coverage().percent()).append("\"/></properties>\n");
        for (ScenarioResult r : suite.scenarios()) {
            x.append("  <testcase classname=\"scenario\" name=\"").append(HtmlReport.esc(r.id())).append("\"");
            if (r.passed()) {
                x.append("/>\n");
            } else {
                x.append(">\n    <failure message=\"").append(HtmlReport.esc(String.join("; ", r.failures()))).append("\"/>\n  </testcase>\n");
            }
        }
        x.append("</testsuite>\n");
        return x.toString();
    }
}
