package com.delivery.notification.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Order lines as a JSON array in one column: they are only ever read whole, to write a message. */
@Converter
public class OrderLinesConverter implements AttributeConverter<List<OrderLine>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<OrderLine> lines) {
        return JSON.writeValueAsString(lines == null ? List.of() : lines);
    }

    @Override
    public List<OrderLine> convertToEntityAttribute(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, LINES);
    }
}
