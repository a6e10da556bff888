// HL7's FHIR R4 instance validator (HAPI FHIR) behind a line protocol, for the tests: one JSON resource per line
// on stdin, one line of JSON per resource on stdout, {"issues":[{"severity","location","message"}]}. Prints
// {"ready":true} once warmed up. Offline: the R4 core definitions come from the classpath and no terminology server
// is asked; HAPI reports codes of systems not shipped here (LOINC, the registry's own) as warnings ("CodeSystem is
// unknown and can't be validated"), while UCUM units are checked (org.fhir:ucum).
// Run by fhir-validator.sh with Java's single-file source launcher: java -cp 'lib/*' FhirValidator.java
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

public class FhirValidator {
  private static final String WARM_UP = "{\"resourceType\":\"Patient\",\"birthDate\":\"2024-01-01\"}";

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ca.uhn.fhir.validation.FhirValidator validator = newValidator();
    validate(validator, WARM_UP);
    out.println("{\"ready\":true}");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (!line.isBlank()) out.println(validate(validator, line));
    }
  }

  private static ca.uhn.fhir.validation.FhirValidator newValidator() {
    FhirContext context = FhirContext.forR4();
    ValidationSupportChain support = new ValidationSupportChain(
        new DefaultProfileValidationSupport(context),
        new CommonCodeSystemsTerminologyService(context),
        new InMemoryTerminologyServerValidationSupport(context),
        new SnapshotGeneratingValidationSupport(context));
    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(support);
    // SATUSEHAT's extensions (e.g. r4/StructureDefinition/administrativeCode) have no definition available offline;
    // without this each is reported as an unknown extension.
    instanceValidator.setCustomExtensionDomains("https://fhir.kemkes.go.id/");
    ca.uhn.fhir.validation.FhirValidator validator = context.newValidator();
    validator.registerValidatorModule(instanceValidator);
    return validator;
  }

  private static String validate(ca.uhn.fhir.validation.FhirValidator validator, String resource) {
    List<SingleValidationMessage> messages;
    try {
      messages = validator.validateWithResult(resource).getMessages();
    } catch (RuntimeException e) {
      // Input that does not parse is the caller's fault, not the end of the session.
      SingleValidationMessage fatal = new SingleValidationMessage();
      fatal.setSeverity(ResultSeverityEnum.FATAL);
      fatal.setLocationString("");
      fatal.setMessage(String.valueOf(e.getMessage()));
      messages = List.of(fatal);
    }
    return messages.stream()
        .map(m -> "{\"severity\":" + json(m.getSeverity().getCode()) + ",\"location\":" + json(m.getLocationString())
            + ",\"message\":" + json(m.getMessage()) + "}")
        .collect(Collectors.joining(",", "{\"issues\":[", "]}"));
  }

  private static String json(String text) {
    if (text == null) return "\"\"";
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        default -> {
          if (c < 0x20) quoted.append(String.format("\\u%04x", (int) c));
          else quoted.append(c);
        }
      }
    }
    return quoted.append('"').toString();
  }
}
