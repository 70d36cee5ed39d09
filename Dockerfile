# The Mosaic service for the scaled-out layout in docker-compose.yml (external Neo4j, Elasticsearch, PostgreSQL).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 mosaic && mkdir -p /var/lib/mosaic && chown mosaic /var/lib/mosaic
COPY --from=build /src/profile-service/target/mosaic.jar /opt/mosaic/mosaic.jar
USER mosaic
ENV MOSAIC_DATA_DIR=/var/lib/mosaic
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/mosaic/mosaic.jar"]
