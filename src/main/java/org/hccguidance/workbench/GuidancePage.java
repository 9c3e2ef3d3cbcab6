package org.hccguidance.workbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.AgentClass;
import org.hccguidance.facts.FieldProblem;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.InvalidPatientException;
import org.hccguidance.guidance.NoRuleSetException;
import org.hccguidance.guidance.PatientRequestReader;
import org.hccguidance.ruleset.RuleSetRegistry;
import org.hccguidance.scenario.Scenario;
import org.hccguidance.scenario.ScenarioFormatException;
import org.hccguidance.scenario.ScenarioGateService;
import org.hccguidance.scenario.ScenarioLoader;
import org.hccguidance.scenario.ScenarioRecorder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Guidance for one patient from a form: fill it, load a scenario or a JSON file, read and print the answer. */
@Controller
@Hidden
class GuidancePage {

    private static final Pattern SCENARIO_ID = Pattern.compile("[a-z0-9][a-z0-9/_.-]{0,120}");

    private final PatientForm form = new PatientForm();
    private final GuidanceService guidance;
    private final RuleSetRegistry registry;
    private final ScenarioGateService scenarios;

    GuidancePage(GuidanceService guidance, RuleSetRegistry registry, ScenarioGateService scenarios) {
        this.guidance = guidance;
        this.registry = registry;
        this.scenarios = scenarios;
    }

    @GetMapping("/workbench")
    String home() {
        return "redirect:/workbench/guidance";
    }

    @GetMapping("/workbench/guidance")
    String page(@RequestParam(required = false) String scenario, Model model) {
        if (scenario == null || scenario.isBlank()) {
            return show(model, FormValues.empty(), null, List.of(), null);
        }
        Scenario found = suite(model).stream().filter(s -> s.id().equals(scenario)).findFirst().orElse(null);
        if (found == null) {
            return show(model, FormValues.empty(), null, List.of(new FieldProblem("scenario",
                    "no scenario with id " + scenario + " in the suite")), null);
        }
        model.addAttribute("loadedFrom", "scenario " + found.id() + ": " + found.title());
        JsonNode json = PatientJson.mapper().valueToTree(found.patient());
        return evaluate(model, new FormValues(PatientForm.values(json)), json);
    }

    @PostMapping("/workbench/guidance")
    String submit(HttpServletRequest request, Model model) {
        FormValues values = FormValues.ofParams(request.getParameterMap());
        PatientForm.Conversion conversion = form.toJson(request.getParameterMap());
        if (!conversion.problems().isEmpty()) {
            return show(model, values, null, conversion.problems(), null);
        }
        return evaluate(model, values, conversion.body());
    }

    @PostMapping("/workbench/guidance/upload")
    String upload(@RequestParam("patientFile") MultipartFile file, Model model) {
        if (file.isEmpty()) {
            return show(model, FormValues.empty(), null, List.of(new FieldProblem("patientFile", "choose a patient JSON file")), null);
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            return show(model, FormValues.empty(), null, List.of(new FieldProblem("patientFile", "the file could not be read")), null);
        }
        PatientCase patient;
        try {
            patient = PatientRequestReader.read(bytes);
        } catch (InvalidPatientException e) {
            return show(model, FormValues.empty(), null, named(file.getOriginalFilename(), e.problems()), null);
        }
        model.addAttribute("loadedFrom", "file " + file.getOriginalFilename());
        JsonNode json = PatientJson.mapper().valueToTree(patient);
        return evaluate(model, new FormValues(PatientForm.values(json)), json);
    }

    @PostMapping("/workbench/guidance/save-scenario")
    String saveScenario(HttpServletRequest request, @RequestParam String scenarioId, @RequestParam String scenarioTitle,
                        @RequestParam(required = false) String scenarioSource, Model model) {
        FormValues values = FormValues.ofParams(request.getParameterMap());
        PatientForm.Conversion conversion = form.toJson(request.getParameterMap());
        List<FieldProblem> problems = new ArrayList<>(conversion.problems());
        if (!SCENARIO_ID.matcher(scenarioId).matches() || scenarioId.contains("..") || scenarioId.endsWith("/")) {
            problems.add(new FieldProblem("scenarioId", "lower-case letters, digits, '/', '_', '-' and '.', e.g. post-io/my-case"));
        }
        if (scenarioTitle.isBlank()) {
            problems.add(new FieldProblem("scenarioTitle", "say what the case shows, in a sentence"));
        }
        Path folder = scenarios.folder().orElse(null);
        if (suite(model).stream().anyMatch(s -> s.id().equals(scenarioId))) {
            // Ids are unique across the suite, whatever the file: a duplicate would make the suite unreadable.
            problems.add(new FieldProblem("scenarioId", "the suite already has a scenario " + scenarioId
                    + "; choose another id (nothing was overwritten)"));
        }
        if (folder == null) {
            problems.add(new FieldProblem("scenarioId", "the scenario suite is the copy inside the application (read-only); "
                    + "start the service with a scenario folder to save scenarios"));
        }
        if (!problems.isEmpty()) {
            return show(model, values, null, problems, null);
        }
        String page = evaluate(model, values, conversion.body());
        GuidanceResponse answer = (GuidanceResponse) model.getAttribute("result");
        PatientCase patient = (PatientCase) model.getAttribute("patient");
        if (answer == null || patient == null) {
            return page;
        }
        Path target = folder.resolve(scenarioId + ".yaml").normalize();
        if (!target.startsWith(folder)) {
            return show(model, values, answer, List.of(new FieldProblem("scenarioId", "must stay inside the scenario folder")), null);
        }
        String yaml = ScenarioRecorder.record(scenarioId, scenarioTitle.trim(), scenarioSource, patient, answer);
        synchronized (this) {
            return write(model, values, answer, folder, target, scenarioId, yaml, page);
        }
    }

    private String write(Model model, FormValues values, GuidanceResponse answer, Path folder, Path target,
                         String scenarioId, String yaml, String page) {
        try {
            // The new file must parse as a scenario before it is written: a bad file would break the reload gate.
            ScenarioLoader.parse(folder.relativize(target).toString(), yaml);
            Files.createDirectories(target.getParent());
            Files.writeString(target, yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            return show(model, values, answer, List.of(new FieldProblem("scenarioId",
                    "a scenario file " + scenarioId + ".yaml already exists; choose another id (nothing was overwritten)")), null);
        } catch (ScenarioFormatException | IOException e) {
            return show(model, values, answer, List.of(new FieldProblem("scenarioId", "could not write the scenario: "
                    + e.getMessage())), null);
        }
        model.addAttribute("saved", "scenario " + scenarioId + " saved to the suite; review its expectations before sign-off");
        return page;
    }

    private String evaluate(Model model, FormValues values, JsonNode body) {
        PatientCase patient;
        GuidanceResponse answer;
        try {
            patient = PatientRequestReader.read(PatientJson.mapper().writeValueAsBytes(body));
            answer = guidance.evaluate(patient);
        } catch (InvalidPatientException e) {
            return show(model, values, null, e.problems(), null);
        } catch (NoRuleSetException e) {
            model.addAttribute("engineProblem", e.getMessage());
            return show(model, values, null, List.of(), null);
        } catch (JsonProcessingException e) {
            return show(model, values, null, List.of(new FieldProblem("(form)", "could not be read as a patient")), null);
        }
        model.addAttribute("patient", patient);
        String json;
        try {
            json = PatientJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            json = null;
        }
        return show(model, values, answer, List.of(), json);
    }

    private String show(Model model, FormValues values, GuidanceResponse answer, List<FieldProblem> problems, String json) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        registry.active().ifPresent(rs -> catalogue(rs, choices));
        model.addAttribute("sections", form.sections(values.firstValues(), choices));
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        model.addAttribute("problemFields", problems.stream().map(FieldProblem::field).toList());
        model.addAttribute("result", answer);
        model.addAttribute("patientJson", json);
        if (!model.containsAttribute("scenarioIds")) {
            suite(model);
        }
        model.addAttribute("page", "guidance");
        return "workbench/guidance";
    }

    /** Regimens and agents are the live catalogue's, so the form offers exactly what the rules know. */
    private static void catalogue(RuleSet rs, Map<String, List<String>> choices) {
        choices.put("regimen", rs.knownRegimens().stream().sorted().toList());
        choices.put("attributedAgent", rs.reference().agentClasses().stream().map(AgentClass::agent).distinct().sorted().toList());
    }

    private List<Scenario> suite(Model model) {
        List<Scenario> list;
        try {
            list = scenarios.scenarios();
        } catch (ScenarioFormatException e) {
            model.addAttribute("suiteProblem", "the scenario folder has malformed files: " + String.join("; ", e.problems()));
            list = List.of();
        }
        model.addAttribute("scenarioIds", list.stream().map(Scenario::id).sorted().toList());
        return list;
    }

    private static List<FieldProblem> named(String file, List<FieldProblem> problems) {
        return problems.stream().map(p -> new FieldProblem(p.field(), (file == null ? "" : file + ": ") + p.message())).toList();
    }
}
